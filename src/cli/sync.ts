// `review-mentor sync`: the extension's sync, from a terminal or CI. Same
// client, same queries, same journal files, same automatic tags. Several
// engineers (a team) are synced one after another with one token.
import * as path from 'node:path';
import { homedir } from 'node:os';
import { InvalidServerUrlError } from '../core/githubEndpoints';
import { automaticTags } from '../core/tagging';
import { createGitHubClient } from '../github/client';
import { AuthError, CertificateError, GitHubError, NetworkError, ProxyError, RateLimitError } from '../github/errors';
import { syncEngineer } from '../github/sync';
import { JournalStore, journalPaths } from '../store';
import { ClassifierService } from '../store/classifierService';
import { plainStorageError } from '../store/faults';
import { JournalStorageError } from '../store/types';
import { resolveJournalRoot } from './journalRoot';
import { CliError, parseOptions, type CliCommand } from './command';
import { CLI_CERTIFICATE_ADVICE, cliNetwork } from './network';
import { createProgress } from './progress';
import { holdingLease, takeLease } from './syncLease';

const LOGIN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}(\[bot\])?$/;

export const USAGE = `Usage: review-mentor sync --engineer LOGIN[,LOGIN...] [options]

Syncs the review feedback each engineer received and gave into their journal,
one engineer after another. On a terminal a progress line shows where it is;
otherwise only one result line per engineer is printed.

  --engineer LOGIN[,LOGIN...]  GitHub logins whose journals to sync (required)
  --github-url <url>    GitHub Enterprise Cloud (https://SUBDOMAIN.ghe.com) or
                        Server root (e.g. https://ghe.example.com), or the
                        sandbox URL; default github.com
  --token-env <VAR>     environment variable holding the token (default GITHUB_TOKEN)
  --journal-dir <dir>   journals folder; default $REVIEW_MENTOR_JOURNAL_DIR, else
                        the folder VS Code keeps Review Mentor's journals in, so
                        the CLI and the editor share one journal (and the
                        corrections that teach the classifier)
  --ca-file <file>      also trust the certificate authorities in this PEM file
                        (NODE_EXTRA_CA_CERTS works too)
  --include-bots        keep comments written by bots
  --full                fetch everything again, not only what changed since the
                        last sync (restores anything missing from the journal)
  -h, --help            show this help

Behind a proxy, set HTTPS_PROXY (and HTTP_PROXY, NO_PROXY) as for other tools.

Exit codes: 0 every journal synced; 1 a sync failed (the others still ran);
2 usage error or no token; 3 the token was refused; 4 network error;
5 rate limit reached (run again after the reset; nothing is lost);
130 interrupted (journals keep every pull request synced so far).`;

const command: CliCommand = {
  async run(args) {
    const { values } = parseOptions(
      args,
      {
        engineer: { type: 'string' },
        'github-url': { type: 'string' },
        'token-env': { type: 'string' },
        'journal-dir': { type: 'string' },
        'ca-file': { type: 'string' },
        'include-bots': { type: 'boolean' },
        full: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      USAGE,
    );
    if (values.help) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    const logins = [...new Set((values.engineer ?? '').split(',').map((l) => l.trim()).filter(Boolean))];
    if (logins.length === 0) throw new CliError(`--engineer is required.\n${USAGE}`, 2);
    const bad = logins.find((l) => !LOGIN.test(l));
    if (bad) throw new CliError(`"${bad}" is not a GitHub login.\n${USAGE}`, 2);
    const tokenEnv = values['token-env'] ?? 'GITHUB_TOKEN';
    const token = process.env[tokenEnv];
    if (!token) throw new CliError(`no token: set ${tokenEnv} to a GitHub token (or pass --token-env NAME).`, 2);

    const progress = createProgress(process.stderr);
    let lastSaid = '';
    const say = (m: string) => {
      progress.clear();
      if (m === lastSaid) return; // the store may report one problem to its logger and to onProblem
      lastSaid = m;
      process.stderr.write(`review-mentor: ${m}\n`);
    };
    const logger = { info: () => undefined, warn: say, error: say };
    const network = cliNetwork({ caFile: values['ca-file'] });
    let client: ReturnType<typeof createGitHubClient>;
    try {
      client = createGitHubClient({
        serverUrl: values['github-url'] ?? '',
        getToken: async () => token,
        logger,
        userAgent: 'review-mentor-cli',
        fetch: network.fetch,
        certificateAdvice: CLI_CERTIFICATE_ADVICE,
        onRateLimit: ({ resetAt }) => say(`GitHub rate limit reached; resuming at ${resetAt.toLocaleTimeString()}.`),
      });
    } catch (err) {
      if (err instanceof InvalidServerUrlError) throw new CliError(`--github-url: ${err.message}`, 2);
      throw err;
    }
    const root = resolveJournalRoot(values['journal-dir'], { platform: process.platform, home: homedir(), env: process.env });
    process.stderr.write(`review-mentor: journals in ${root.dir} (${root.source})\n`);
    // Each problem is printed once; a main file set aside fails that engineer (its notes and goals are in the moved file).
    const setAside = new Map<string, string>();
    const store = new JournalStore({
      rootDir: root.dir,
      logger,
      onProblem: (p) => {
        if (p.kind === 'damaged') return; // a read found it; the sync's first write sets it aside and says so
        logger.error(p.message);
        if (p.kind === 'corrupt' && p.movedTo && !setAside.has(p.file)) setAside.set(p.file, p.movedTo);
      },
    });
    // The user's corrections live beside the journals; the editor writes them.
    const classifiers = new ClassifierService(root.dir);
    await classifiers.ready();
    const classifier = classifiers.current;
    const abort = new AbortController();
    const onSigint = () => abort.abort();
    process.once('SIGINT', onSigint);
    const failed: string[] = [];
    // One lease owner for this run; windows see who holds it.
    const owner = `cli-${process.pid}-${Date.now().toString(36)}`;
    const holder = `review-mentor sync (process ${process.pid})`;
    try {
      for (const [i, login] of logins.entries()) {
        const step = logins.length > 1 ? `[${i + 1}/${logins.length}] ${login}` : login;
        progress.update(`${step}: starting…`);
        const engineer = { login, host: client.host };
        const handle = await store.open(engineer);
        if (handle.readOnly) {
          say(handle.readOnlyReason ?? `The journal of ${login} is read-only.`);
          say(`${login}: skipped (its journal is read-only).`);
          failed.push(login);
          continue;
        }
        const lease = store.syncLease(engineer, owner, holder);
        // The lease is a file beside the journal: a folder it may not write fails here first.
        const taken = await takeLease(lease, login, { say, signal: abort.signal }).catch((err: unknown) => {
          throw plainStorageError(err, path.dirname(journalPaths(root.dir, engineer).main), 'save');
        });
        if (!taken.ok) {
          if (abort.signal.aborted) throw new CliError(`interrupted while waiting to sync ${login}; journals keep every pull request synced so far.`, 130);
          say(`${login}: not synced; ${taken.holder} kept syncing it for 10 minutes. Try again later.`);
          failed.push(login);
          continue;
        }
        try {
          const r = await holdingLease(lease, () =>
            syncEngineer({
              client,
              handle,
              engineer,
              signal: abort.signal,
              includeBots: values['include-bots'] ?? false,
              full: values.full ?? false,
              retag: (f) => automaticTags(f, classifier, new Date().toISOString()),
              onProgress: (p) => progress.update(`${step}: ${p.message}`),
            }),
          );
          progress.clear();
          process.stdout.write(
            `Synced ${login}@${client.host}: ${r.prs} PRs, ${r.added} comments added, ${r.updated} updated, ${r.removed} deleted, ${r.requests} requests, GraphQL cost ${r.graphqlCost}` +
              (r.skippedRepos.length ? `; skipped (gone or no access): ${r.skippedRepos.join(', ')}` : '') +
              (r.retrying ? `; ${r.retrying} pull request(s) to retry next time` : '') +
              '\n',
          );
          for (const p of r.problems) say(p);
          const movedTo = setAside.get(journalPaths(root.dir, engineer).main);
          if (movedTo) {
            say(`the journal of ${login} was damaged and set aside as ${movedTo}; its notes, goals and hand-set tags are in that file.`);
            failed.push(login);
          }
        } catch (err) {
          progress.clear();
          if (abort.signal.aborted) throw new CliError(`interrupted while syncing ${login}; journals keep every pull request synced so far.`, 130);
          if (err instanceof JournalStorageError) throw err; // the disk or folder: the same for everyone (one line, exit 1)
          const cliError = toCliError(err, client.webUrl, tokenEnv, network.proxyFor(client.graphqlUrl), logins.slice(i + 1));
          // A refused token, the network or the rate limit stop everyone; anything else is this engineer's.
          if (cliError.exitCode !== 1) throw cliError;
          say(`${login}: ${cliError.message}`);
          failed.push(login);
        }
      }
    } finally {
      progress.clear();
      process.off('SIGINT', onSigint);
    }
    if (failed.length > 0) {
      // With one engineer the line above already said why; a team sync ends with the list.
      if (logins.length > 1) process.stderr.write(`review-mentor: ${failed.length} of ${logins.length} journals not synced: ${failed.join(', ')}.\n`);
      return 1;
    }
    return 0;
  },
};

function toCliError(err: unknown, url: string, tokenEnv: string, proxy: string, left: string[]): CliError {
  const notSynced = left.length ? ` Not synced: ${left.join(', ')}.` : '';
  if (err instanceof AuthError) return new CliError(`GitHub at ${url} did not accept the token in ${tokenEnv} (signed out, expired or revoked).`, 3);
  if (err instanceof ProxyError) return new CliError(`${err.message} (proxy ${redactUserInfo(proxy)}, from HTTPS_PROXY/HTTP_PROXY).${notSynced}`, 4);
  if (err instanceof NetworkError || err instanceof CertificateError) return new CliError(`${err.message}${notSynced}`, 4);
  if (err instanceof RateLimitError) return new CliError(`${err.message} Nothing was lost; run sync again then.${notSynced}`, 5);
  if (err instanceof CliError) return err;
  if (err instanceof GitHubError) return new CliError(err.message, 1);
  return new CliError(`unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`, 1);
}

/** A proxy URL without its user name and password, for messages. */
function redactUserInfo(proxy: string): string {
  try {
    const u = new URL(proxy);
    if (u.username || u.password) [u.username, u.password] = ['***', ''];
    return u.href.replace(/\/$/, '');
  } catch {
    return proxy ? 'from the environment' : 'none';
  }
}

export default command;

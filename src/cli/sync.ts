// `review-mentor sync`: the extension's sync, from a terminal or CI. Same
// client, same queries, same journal files, same automatic tags.
import { homedir } from 'node:os';
import { InvalidServerUrlError } from '../core/githubEndpoints';
import { automaticTags } from '../core/tagging';
import { createGitHubClient } from '../github/client';
import { AuthError, CertificateError, GitHubError, NetworkError, ProxyError, RateLimitError } from '../github/errors';
import { syncEngineer } from '../github/sync';
import { JournalStore, journalPaths } from '../store';
import { ClassifierService } from '../store/classifierService';
import { resolveJournalRoot } from './journalRoot';
import { CliError, parseOptions, type CliCommand } from './command';
import { CLI_CERTIFICATE_ADVICE, cliNetwork } from './network';

const USAGE = `Usage: review-mentor sync --engineer <login> [options]

Syncs the review feedback <login> received and gave into their journal.

  --engineer <login>    GitHub login whose journal to sync (required)
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

Behind a proxy, set HTTPS_PROXY (and HTTP_PROXY, NO_PROXY) as for other tools.`;

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
    const login = values.engineer;
    if (!login) throw new CliError(`--engineer is required.\n${USAGE}`, 2);
    const tokenEnv = values['token-env'] ?? 'GITHUB_TOKEN';
    const token = process.env[tokenEnv];
    if (!token) throw new CliError(`no token: set ${tokenEnv} to a GitHub token (or pass --token-env NAME).`, 2);

    const logger = { info: () => undefined, warn: (m: string) => process.stderr.write(`review-mentor: ${m}\n`), error: (m: string) => process.stderr.write(`review-mentor: ${m}\n`) };
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
        onRateLimit: ({ resetAt }) => process.stderr.write(`review-mentor: GitHub rate limit reached; resuming at ${resetAt.toLocaleTimeString()}.\n`),
      });
    } catch (err) {
      if (err instanceof InvalidServerUrlError) throw new CliError(`--github-url: ${err.message}`, 2);
      throw err;
    }
    const root = resolveJournalRoot(values['journal-dir'], { platform: process.platform, home: homedir(), env: process.env });
    process.stderr.write(`review-mentor: journals in ${root.dir} (${root.source})\n`);
    const engineer = { login, host: client.host };
    // Each problem is printed once; a main file set aside fails the run (its notes and goals are in the moved file).
    let mainSetAside: string | undefined;
    const store = new JournalStore({
      rootDir: root.dir,
      logger,
      onProblem: (p) => {
        if (p.kind === 'damaged') return; // a read found it; the sync's first write sets it aside and says so
        logger.error(p.message);
        if (p.kind === 'corrupt' && p.file === journalPaths(root.dir, engineer).main) mainSetAside ??= p.movedTo;
      },
    });
    const handle = await store.open(engineer);
    if (handle.readOnly) throw new CliError(handle.readOnlyReason ?? `the journal of ${login} is read-only.`);
    // The user's corrections live beside the journals; the editor writes them.
    const classifiers = new ClassifierService(root.dir);
    await classifiers.ready();
    const classifier = classifiers.current;
    const abort = new AbortController();
    const onSigint = () => abort.abort();
    process.once('SIGINT', onSigint);
    try {
      const r = await syncEngineer({
        client,
        handle,
        engineer,
        signal: abort.signal,
        includeBots: values['include-bots'] ?? false,
        full: values.full ?? false,
        retag: (f) => automaticTags(f, classifier, new Date().toISOString()),
        onProgress: (p) => {
          if (process.stderr.isTTY) process.stderr.write(`\r${p.message}\x1b[K`);
        },
      });
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      process.stdout.write(
        `Synced ${login}@${client.host}: ${r.prs} PRs, ${r.added} comments added, ${r.updated} updated, ${r.removed} deleted, ${r.requests} requests, GraphQL cost ${r.graphqlCost}` +
          (r.skippedRepos.length ? `; skipped (gone or no access): ${r.skippedRepos.join(', ')}` : '') +
          (r.retrying ? `; ${r.retrying} pull request(s) to retry next time` : '') +
          '\n',
      );
      for (const p of r.problems) process.stderr.write(`review-mentor: ${p}\n`);
      if (mainSetAside) {
        process.stderr.write(`review-mentor: the journal of ${login} was damaged and set aside as ${mainSetAside}; its notes, goals and hand-set tags are in that file.\n`);
        return 1;
      }
      return 0;
    } catch (err) {
      throw toCliError(err, client.webUrl, tokenEnv, network.proxyFor(client.graphqlUrl));
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};

function toCliError(err: unknown, url: string, tokenEnv: string, proxy: string): unknown {
  if (err instanceof AuthError) return new CliError(`GitHub at ${url} did not accept the token in ${tokenEnv} (signed out, expired or revoked).`, 3);
  if (err instanceof ProxyError) return new CliError(`${err.message} (proxy ${redactUserInfo(proxy)}, from HTTPS_PROXY/HTTP_PROXY).`, 4);
  if (err instanceof NetworkError || err instanceof CertificateError) return new CliError(err.message, 4);
  if (err instanceof RateLimitError) return new CliError(`${err.message} Nothing was lost; run sync again then.`, 5);
  if (err instanceof GitHubError) return new CliError(err.message, 1);
  return err;
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

// `review-mentor sync`: the extension's sync, from a terminal or CI. Same
// client, same queries, same journal files, same automatic tags.
import { homedir } from 'node:os';
import { automaticTags } from '../core/tagging';
import { createGitHubClient } from '../github/client';
import { AuthError, GitHubError, NetworkError, RateLimitError } from '../github/errors';
import { syncEngineer } from '../github/sync';
import { JournalStore } from '../store';
import { ClassifierService } from '../store/classifierService';
import { resolveJournalRoot } from './journalRoot';
import { CliError, parseOptions, type CliCommand } from './command';

const USAGE = `Usage: review-mentor sync --engineer <login> [options]

Syncs the review feedback <login> received and gave into their journal.

  --engineer <login>    GitHub login whose journal to sync (required)
  --github-url <url>    GitHub Enterprise Server root (e.g. https://ghe.example.com)
                        or the sandbox URL; default github.com
  --token-env <VAR>     environment variable holding the token (default GITHUB_TOKEN)
  --journal-dir <dir>   journals folder; default $REVIEW_MENTOR_JOURNAL_DIR, else
                        the folder VS Code keeps Review Mentor's journals in, so
                        the CLI and the editor share one journal (and the
                        corrections that teach the classifier)
  --include-bots        keep comments written by bots
  -h, --help            show this help`;

const command: CliCommand = {
  async run(args) {
    const { values } = parseOptions(
      args,
      {
        engineer: { type: 'string' },
        'github-url': { type: 'string' },
        'token-env': { type: 'string' },
        'journal-dir': { type: 'string' },
        'include-bots': { type: 'boolean' },
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
    const client = createGitHubClient({
      serverUrl: values['github-url'] ?? '',
      getToken: async () => token,
      logger,
      userAgent: 'review-mentor-cli',
      onRateLimit: ({ resetAt }) => process.stderr.write(`review-mentor: GitHub rate limit reached; resuming at ${resetAt.toLocaleTimeString()}.\n`),
    });
    const root = resolveJournalRoot(values['journal-dir'], { platform: process.platform, home: homedir(), env: process.env });
    process.stderr.write(`review-mentor: journals in ${root.dir} (${root.source})\n`);
    const store = new JournalStore({ rootDir: root.dir, logger, onProblem: (p) => logger.error(p.message) });
    const engineer = { login, host: client.host };
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
        transform: (f) => automaticTags(f, classifier, new Date().toISOString()),
        onProgress: (p) => {
          if (process.stderr.isTTY) process.stderr.write(`\r${p.message}\x1b[K`);
        },
      });
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      process.stdout.write(
        `Synced ${login}@${client.host}: ${r.prs} PRs, ${r.added} comments added, ${r.updated} updated, ${r.requests} requests, GraphQL cost ${r.graphqlCost}` +
          (r.skippedRepos.length ? `; skipped (no access): ${r.skippedRepos.join(', ')}` : '') +
          '\n',
      );
      return 0;
    } catch (err) {
      throw toCliError(err, values['github-url'] ?? 'https://github.com', tokenEnv);
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};

function toCliError(err: unknown, url: string, tokenEnv: string): unknown {
  if (err instanceof AuthError) return new CliError(`GitHub at ${url} did not accept the token in ${tokenEnv} (signed out, expired or revoked).`, 3);
  if (err instanceof NetworkError) return new CliError(err.message, 4);
  if (err instanceof RateLimitError) return new CliError(`${err.message} Nothing was lost; run sync again then.`, 5);
  if (err instanceof GitHubError) return new CliError(err.message, 1);
  return err;
}

export default command;

// `review-mentor` command line: one subcommand per file in this folder.
// Each subcommand gets its arguments and returns an exit code; errors that
// a user can fix are thrown as CliError and printed without a stack.
import { CliError, type CliCommand } from './command';
import { JournalStorageError } from '../store/types';

const commands: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  // Subcommands register here, loaded lazily so `--help` stays fast.
  sync: { summary: 'sync engineers\' review feedback from GitHub into their journals', load: async () => (await import('./sync')).default },
  export: { summary: 'write a 1:1 or team summary (Markdown, HTML, CSV, JSON) from journals', load: async () => (await import('./export')).default },
  classify: { summary: 'suggest a category for each comment (JSON lines in, JSON lines out)', load: async () => (await import('./classify')).default },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printHelp();
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    process.stderr.write(`review-mentor: unknown command "${name}". Run "review-mentor --help" for the list.\n`);
    return 2;
  }
  const command = await entry.load();
  return command.run(rest);
}

function printHelp(): void {
  const lines = [`review-mentor ${VERSION}: review feedback from GitHub, as journals and 1:1 summaries.`, '', 'Usage: review-mentor <command> [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(9)} ${c.summary}`);
  lines.push(
    '',
    'Run "review-mentor <command> --help" for a command\'s options.',
    '"review-mentor --version" prints the version.',
    '',
    'Exit codes: 0 success; 1 failure (a sync, a read or a write failed, or a',
    'classify line was malformed); 2 usage error; 3 GitHub refused the token;',
    '4 network error; 5 GitHub rate limit reached; 130 interrupted.',
  );
  process.stdout.write(lines.join('\n') + '\n');
}

declare const __VERSION__: string;
/** Set by the bundler from package.json; "dev" when run from source (tsx). */
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof CliError) {
      process.stderr.write(`review-mentor: ${err.message}\n`);
      process.exitCode = err.exitCode;
    } else if (err instanceof JournalStorageError) {
      // A local fault (permissions, read-only or full disk, open files, a lock): one plain line.
      process.stderr.write(`review-mentor: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`review-mentor: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);

// `review-mentor` command line: one subcommand per file in this folder.
// Each subcommand gets its arguments and returns an exit code; errors that
// a user can fix are thrown as CliError and printed without a stack.
import { CliError, type CliCommand } from './command';
import { JournalStorageError } from '../store/types';

const commands: Record<string, () => Promise<CliCommand>> = {
  // Subcommands register here, loaded lazily so `--help` stays fast.
  classify: async () => (await import('./classify')).default,
  export: async () => (await import('./export')).default,
  sync: async () => (await import('./sync')).default,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printHelp();
    return name ? 0 : 2;
  }
  if (name === '--version') {
    process.stdout.write(`${__VERSION__}\n`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`review-mentor: unknown command "${name}". Run "review-mentor --help" for the list.\n`);
    return 2;
  }
  const command = await load();
  return command.run(rest);
}

function printHelp(): void {
  const lines = ['Usage: review-mentor <command> [options]', '', 'Commands:'];
  for (const name of Object.keys(commands)) lines.push(`  ${name}`);
  lines.push('', 'Run "review-mentor <command> --help" for a command\'s options.');
  process.stdout.write(lines.join('\n') + '\n');
}

declare const __VERSION__: string;

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

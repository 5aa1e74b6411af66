// Entry of the sandbox GitHub's command line: `npm run sandbox -- --help`, or
// `node dist/sandbox.js` after a build. Prints one line on a usage error.
import command from './cli';
import { CliError } from '../src/cli/command';

command.run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`sandbox: ${err instanceof CliError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = err instanceof CliError ? err.exitCode : 1;
  },
);

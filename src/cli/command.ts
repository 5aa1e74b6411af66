// Shared shape of CLI subcommands.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliCommand {
  run(args: string[]): Promise<number>;
}

/** An error the user can act on: printed as one line, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** parseArgs with errors turned into CliError (exit code 2, usage problem). */
export function parseOptions<T extends ParseArgsConfig['options']>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (err) {
    throw new CliError(`${err instanceof Error ? err.message : String(err)}\n${usage}`, 2);
  }
}

// The sandbox GitHub's command line (`npm run sandbox`, `node dist/sandbox.js`):
// runs it until Ctrl+C, for the demo, the journeys and for trying the extension
// against a GitHub Enterprise-like server. Not part of the shipped CLI.
import { readFile } from 'node:fs/promises';
import type { Dataset } from '../src/demo/dataset';
import { parseDataset } from '../src/demo/datasetSchema';
import { DEMO_TOKEN, DEMO_VIEWER, generateDataset } from '../src/demo/generate';
import { startSandbox, type Sandbox } from './index';
import { CliError, parseOptions, type CliCommand } from '../src/cli/command';

const USAGE = 'Usage: sandbox [--port N] [--seed S] [--base-date YYYY-MM-DD|today] [--data FILE] [--latency-ms M]';

const OPTIONS = {
  port: { type: 'string' },
  seed: { type: 'string' },
  'base-date': { type: 'string' },
  data: { type: 'string' },
  'latency-ms': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Reads and validates a dataset file; problems become one CliError. */
export async function loadDataFile(file: string): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read --data file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError(`--data file ${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const result = parseDataset(json);
  if (!result.ok) throw new CliError(`--data file ${file} is not a sandbox dataset:\n  ${result.problems.join('\n  ')}`);
  return result.dataset;
}

/** Starts the server from command-line arguments (tests call this directly). */
export async function startFromArgs(args: string[]): Promise<{ sandbox: Sandbox; banner: string } | { help: string }> {
  const { values } = parseOptions(args, OPTIONS, USAGE);
  if (values.help) return { help: `${USAGE}\n\nServes a local GitHub stand-in on 127.0.0.1 (see sandbox/README.md).\n` };
  const port = intOption(values.port, '--port', 0, 65535) ?? 0;
  const seed = intOption(values.seed, '--seed', 0, 2 ** 32 - 1);
  const latencyMs = intOption(values['latency-ms'], '--latency-ms', 0, 600_000);
  // The generated history ends at the base date; "today" keeps "last 30 days" full in demos.
  const baseDate = values['base-date'] === 'today' ? new Date().toISOString().slice(0, 10) : values['base-date'];
  if (baseDate !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(baseDate) || isNaN(Date.parse(baseDate)))) {
    throw new CliError(`--base-date must be a date like 2026-11-01, or "today"\n${USAGE}`, 2);
  }
  if (baseDate && values.data) throw new CliError('--base-date applies to generated data, not to a --data file', 2);
  const data = values.data ? await loadDataFile(values.data) : baseDate ? generateDataset({ ...(seed !== undefined ? { seed } : {}), baseDate: `${baseDate}T00:00:00Z` }) : undefined;
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ port, ...(seed !== undefined ? { seed } : {}), ...(data ? { data } : {}), ...(latencyMs ? { latencyMs } : {}) });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'EADDRINUSE' ? `port ${port} is already in use` : `cannot start: ${String(err)}`);
  }
  const viewer = sandbox.dataset.users.some((u) => u.login === DEMO_VIEWER) ? DEMO_VIEWER : (sandbox.dataset.users.find((u) => u.type === 'User')?.login ?? DEMO_VIEWER);
  const banner = [
    `Sandbox GitHub running at ${sandbox.url}`,
    `  GitHub Enterprise server URL: ${sandbox.url}`,
    `  REST: ${sandbox.apiUrl}   GraphQL: ${sandbox.graphqlUrl}`,
    `  Token: ${DEMO_TOKEN} (signs in as ${viewer}); sandbox-token-<login> signs in as anyone in the dataset`,
    `  Data: ${sandbox.dataset.users.length} users, ${sandbox.dataset.pullRequests.length} pull requests${values.data ? ` from ${values.data}` : ''}`,
    `  Admin: ${sandbox.url}/_sandbox/requests, /faults, /data, /changes, /behaviour (see sandbox/README.md)`,
    'Press Ctrl+C to stop.',
  ].join('\n');
  return { sandbox, banner };
}

function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`${name} must be a whole number from ${min} to ${max}, got "${value}"\n${USAGE}`, 2);
  return n;
}

const command: CliCommand = {
  async run(args) {
    const started = await startFromArgs(args);
    if ('help' in started) {
      process.stdout.write(started.help);
      return 0;
    }
    process.stdout.write(`${started.banner}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await started.sandbox.close();
    process.stdout.write('Sandbox stopped.\n');
    return 0;
  },
};

export default command;

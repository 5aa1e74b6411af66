// Runs every bench/*.bench.ts (or those named on the command line), merges
// their results into bench/out/results.json and prints it. Each bench module
// exports `run(): Promise<Record<string, number | string | boolean>>`.
import { mkdirSync, readdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type BenchResult = Record<string, number | string | boolean>;

async function main(): Promise<void> {
  const dir = resolve('bench');
  const only = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  const outFile = join(dir, 'out', 'results.json');
  // Partial runs keep the keys of benches that were not run this time.
  const results: BenchResult = only.length > 0 && existsSync(outFile) ? JSON.parse(readFileSync(outFile, 'utf8')) : {};
  for (const file of files) {
    process.stderr.write(`bench: ${file}\n`);
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<BenchResult> };
    Object.assign(results, await mod.run());
  }
  mkdirSync(join(dir, 'out'), { recursive: true });
  const json = JSON.stringify(results, null, 2);
  writeFileSync(outFile, json + '\n');
  process.stdout.write(json + '\n');
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});

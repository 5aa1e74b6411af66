// Mocha runner for tests INSIDE the VS Code extension host (real `vscode` API).
// VS Code calls run() when the workbench is opened with the payload entry
// `extensionTestsPath` (see test/e2e/harness.mjs runHostTests); the same
// contract @vscode/test-electron uses. run.mjs bundles this folder with esbuild
// into .vscode-test/e2e-host/, one file per *.test.ts next to index.js.
// Results go to the JSON file named by REVIEW_MENTOR_HOST_RESULTS.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface HostTestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}
export interface HostResults {
  passed: number;
  failed: number;
  tests: HostTestResult[];
}

export async function run(): Promise<void> {
  const out = process.env.REVIEW_MENTOR_HOST_RESULTS;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  const grep = process.env.REVIEW_MENTOR_HOST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));
  const tests: HostTestResult[] = [];
  let failures = 0;
  try {
    failures = await new Promise<number>((resolve) => {
      const runner = mocha.run((n) => resolve(n));
      runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
      runner.on('fail', (t, err: Error) =>
        tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: err?.stack ?? String(err) }),
      );
    });
  } catch (err) {
    tests.push({ title: 'loading host tests', state: 'failed', durationMs: 0, error: err instanceof Error ? err.stack : String(err) });
    failures += 1;
  }
  const results: HostResults = {
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: Math.max(failures, tests.filter((t) => t.state === 'failed').length),
    tests,
  };
  if (out) writeFileSync(out, JSON.stringify(results, null, 2));
  if (results.failed > 0) throw new Error(`${results.failed} host test(s) failed`);
}

// Activation cost of the extension: the size of the production bundle and the
// "Activated in X ms" the extension logs when a real VS Code (code-server
// 4.100.3, the e2e harness) activates it. Runs BENCH_ACTIVATION_RUNS cold
// starts (default 3), each with a fresh user-data-dir, and reports the median.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CS_VERSION, EXTENSION_PATH, Harness, REPO, closeBrowser, ensureCodeServer } from '../test/e2e/harness.mjs';

// The bundle the harness loads: this repo's dist/ unless E2E_EXTENSION_PATH points elsewhere.
const BUNDLE = join(EXTENSION_PATH, 'dist/extension.js');

/** A production bundle is minified: esbuild's `// src/...` path comments are gone. */
function isProductionBundle(): boolean {
  return existsSync(BUNDLE) && !/^\/\/ src\//m.test(readFileSync(BUNDLE, 'utf8'));
}

function buildProduction(): void {
  const r = spawnSync(process.execPath, ['esbuild.config.mjs', '--production'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('production build failed');
}

async function activationMs(run: number): Promise<number> {
  const h = new Harness({ name: `bench-activation-${run}` });
  try {
    await h.openWorkbench(); // waits until the log channel says "Activated in"
    const m = await h.waitForLog(/Activated in ([\d.]+) ms/);
    return Number(m[1]);
  } finally {
    await h.close();
  }
}

export async function run(): Promise<Record<string, number | string>> {
  if (!isProductionBundle() && EXTENSION_PATH === REPO) buildProduction();
  const bundleBytes = statSync(BUNDLE).size;
  ensureCodeServer();
  const runs = Math.max(1, Number(process.env.BENCH_ACTIVATION_RUNS ?? 3));
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) samples.push(await activationMs(i));
  } finally {
    await closeBrowser();
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    'activation.bundleBytes': bundleBytes,
    'activation.ms': sorted[Math.floor(sorted.length / 2)],
    'activation.msMax': sorted.at(-1)!,
    'activation.runs': runs,
    'activation.source': `code-server ${CS_VERSION}`,
  };
}

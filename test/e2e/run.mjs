// Runs the end-to-end journeys in a real VS Code (code-server 4.100.3).
//
//   node test/e2e/run.mjs            every journey in test/e2e/journeys/*.mjs
//   node test/e2e/run.mjs found host journeys whose name or file contains any argument
//   E2E_KEEP=1 node test/e2e/run.mjs keep each journey's temp folder (user-data-dir, logs)
//
// Each journey module exports `name` (string), a default async function that
// receives a fresh Harness (test/e2e/harness.mjs), and optionally `settings`
// (User/settings.json entries), `env` (environment for code-server and the
// extension host) and `timeoutMs`. Prints one line per journey and closes with
// "N passed, N failed"; exits non-zero on any failure. Installs code-server
// (scripts/setup-vscode.sh) and builds dist/ when they are missing.
//
// Every journey ends with the same health check (health.mjs): no errors in the
// workbench or the extension host logs, and memory within bounds. A journey
// that provokes errors on purpose exports them as `expectedErrors` (regexes).
// E2E_HEALTH_REPORT=1 prints every error line seen, allowed or not.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { Harness, REPO, closeBrowser, ensureCodeServer, ensureExtensionBuilt, killAll } from './harness.mjs';
import { checkHealth, hostErrors } from './health.mjs';

export const HOST_TESTS_OUT = join(REPO, '.vscode-test/e2e-host');

/** Bundles test/e2e/host/*.ts into .vscode-test/e2e-host/ (index.js + *.test.js). */
export async function buildHostTests() {
  const dir = join(REPO, 'test/e2e/host');
  const entryPoints = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
  await esbuild.build({
    entryPoints,
    outdir: HOST_TESTS_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'], // mocha resolves from the repo's node_modules at run time
    logLevel: 'warning',
  });
  return join(HOST_TESTS_OUT, 'index.js');
}

async function loadJourneys(filters) {
  const dir = join(REPO, 'test/e2e/journeys');
  const files = readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
  const all = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(join(dir, file)).href);
    if (typeof mod.default !== 'function' || typeof mod.name !== 'string') throw new Error(`${file}: export a name and a default async function`);
    all.push({ file, name: mod.name, fn: mod.default, settings: mod.settings, env: mod.env, timeoutMs: mod.timeoutMs ?? 180_000, expectedErrors: mod.expectedErrors ?? [] });
  }
  return filters.length ? all.filter((j) => filters.some((f) => j.name.includes(f) || j.file.includes(f))) : all;
}

function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([promise, new Promise((_, fail) => (t = setTimeout(() => fail(new Error(`${what} timed out after ${ms / 1000} s`)), ms)))]).finally(() => clearTimeout(t));
}

async function main() {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const t0 = Date.now();
  ensureCodeServer();
  ensureExtensionBuilt();
  const journeys = await loadJourneys(filters);
  if (journeys.length === 0) throw new Error(`no journey matches ${filters.join(' ')}`);
  let passed = 0;
  let failed = 0;
  for (const j of journeys) {
    const started = Date.now();
    const h = new Harness({ name: j.name, settings: j.settings, env: j.env });
    let error;
    let health = '';
    try {
      await withTimeout(j.fn(h), j.timeoutMs, `journey ${j.name}`);
      if (process.env.E2E_HEALTH_REPORT === '1') {
        console.log(`      [health] ${[...h.pageErrors.map((e) => `page: ${e}`), ...h.consoleErrors.map((e) => `console: ${e}`), ...hostErrors(h.userDataDir)].join('\n      [health] ') || 'no error lines'}`);
      }
      health = await withTimeout(checkHealth(h, j.expectedErrors), 60_000, `health check of ${j.name}`);
    } catch (err) {
      error = err;
      if (h.page) await h.screenshot('failure').catch(() => {});
    }
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const keep = Boolean(error) || process.env.E2E_KEEP === '1';
    if (error) {
      failed += 1;
      console.log(`  ✗ ${j.name} (${secs} s)`);
      console.log(String(error?.stack ?? error).replace(/^/gm, '      '));
      if (h.pageErrors.length) console.log(`      page errors: ${h.pageErrors.slice(0, 5).join(' | ')}`);
      console.log(`      kept ${h.dir} (code-server.log, user-data/logs)`);
    } else {
      passed += 1;
      console.log(`  ✓ ${j.name} (${secs} s)${h.shots.length ? `, screenshots: ${h.shots.map((s) => s.slice(REPO.length + 1)).join(', ')}` : ''}`);
      if (health) console.log(`      ${health}`);
    }
    await h.close({ keep });
  }
  await closeBrowser();
  console.log(`e2e: ${journeys.length} journeys in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bail = (sig) => {
    killAll();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', bail);
  process.on('SIGTERM', bail);
  process.on('exit', killAll);
  main().then(
    (failed) => {
      process.exitCode = failed ? 1 : 0;
    },
    async (err) => {
      console.error(`e2e: ${err?.stack ?? err}`);
      killAll();
      await closeBrowser();
      console.log('0 passed, 1 failed');
      process.exitCode = 1;
    },
  );
}

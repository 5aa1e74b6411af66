// Shared by the package tests: a production build of dist/ (what ships) and
// the .vsix made from it by vsce, exactly as `npm run package` makes it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

/** Minified bundles have few, very long lines; a development build has many short ones. */
function isMinified(file: string): boolean {
  const text = readFileSync(file, 'utf8');
  return text.length / (text.split('\n').length || 1) > 400;
}

let built = false;
/**
 * Builds dist/ for production unless it already is (`npm test` builds it in
 * `pretest`); the size budget is about what ships, not a development build.
 */
export function ensureProductionBuild(): void {
  if (built) return;
  const bundles = ['dist/extension.js', 'dist/cli.js', 'dist/webview/journal.js'].map((f) => join(ROOT, f));
  if (!bundles.every((f) => existsSync(f) && isMinified(f))) {
    execFileSync(process.execPath, ['esbuild.config.mjs', '--production'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  built = true;
}

/** Runs `vsce package` into `out` and returns the .vsix path. */
export function packageVsix(out: string): string {
  ensureProductionBuild();
  const file = join(out, 'review-mentor.vsix');
  execFileSync(join(ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', file], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'], // no stdin: a vsce question must not hang the run
  });
  return file;
}

/** Builds the stand-alone CLI package (scripts/build-cli-package.mjs) into `out`; returns the tarball path. */
export function packCli(out: string): string {
  ensureProductionBuild();
  return execFileSync(process.execPath, ['scripts/build-cli-package.mjs', '--out', out], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

let tarball: string | undefined;
/** The CLI tarball, packed once per test run (removed when the process exits). */
export function cliTarball(): string {
  if (!tarball) {
    const dir = mkdtempSync(join(tmpdir(), 'rm-cli-tgz-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    tarball = packCli(dir);
  }
  return tarball;
}

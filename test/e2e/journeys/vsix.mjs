// The shipped artifact: `vsce package` (what `npm run package` runs after the
// production build) makes a .vsix that code-server installs, and the installed
// copy activates on its own (no extensionDevelopmentPath). Catches a bundle that
// still needs node_modules at run time, or files the package leaves out.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_PATH, REPO, listFiles } from '../harness.mjs';

export const name = 'vsix';
export const timeoutMs = 240_000;

export default async function (h) {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'package.json'), 'utf8'));
  const vsix = join(h.dir, 'review-mentor.vsix');
  const vsce = join(REPO, 'node_modules/.bin/vsce');
  const pack = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix], {
    cwd: EXTENSION_PATH,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'], // no stdin: a vsce question must not hang the run
  });
  assert.equal(pack.status, 0, `vsce package failed:\n${pack.stdout}\n${pack.stderr}`);

  h.extension = 'none'; // load only what the .vsix installed
  const out = h.installVsix(vsix);
  assert.match(out, /was successfully installed/, out);
  const dir = join(h.extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  const files = listFiles(dir);
  assert.ok(files.includes('dist/extension.js'), `dist/extension.js missing from the installed extension: ${files.slice(0, 20).join(', ')}`);
  assert.ok(files.includes('package.json'));
  for (const bad of ['node_modules/', '.vscode-test/']) {
    assert.ok(!files.some((f) => f.startsWith(bad)), `the .vsix ships ${bad}`);
  }
  // Without a .vscodeignore the package also carries sources, tests and test
  // output; say so (not a failure: the extension still works).
  const shipped = [...new Set(files.map((f) => f.split('/')[0]))];
  const extra = shipped.filter((f) => !/^(\.vsixmanifest|dist|media|l10n|package(\.nls(\.[\w-]+)?)?\.json|readme\.md|changelog\.md|license(\.md|\.txt)?)$/i.test(f));
  if (extra.length) console.log(`      note: the .vsix also ships ${extra.join(', ')} (add a .vscodeignore)`);

  await h.openWorkbench({ waitForExtension: true });
  await h.openViewContainer('Review Mentor');
  await h.view('Feedback').waitFor({ state: 'visible' });
  await h.screenshot('installed');
}

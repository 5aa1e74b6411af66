// A display language for a journey without the network.
//
// code-server's --locale (like "Configure Display Language", which writes
// argv.json) switches VS Code's language only when a language pack for it is
// installed: the server resolves the locale through user-data/languagepacks.json
// and falls back to English otherwise (vscode.env.language stays "en", so no
// extension's package.nls.<lang>.json or l10n bundle is read). Microsoft's packs
// come from the Marketplace, out of reach here, so this packs the smallest one
// VS Code accepts: the `localizations` contribution with an empty translation
// file for VS Code's own strings. The workbench's own words stay English (a real
// pack translates them); everything an extension localises switches.
//
// languagepacks.json is written by the running server when it installs a pack
// (a participant of its extension management); `code-server --install-extension`
// runs without that participant, so after installing through the CLI this writes
// the entry the server would have written (same fields, same md5 hash).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './harness.mjs';

/**
 * Packs and installs an (empty) language pack for `languageId` into the
 * harness's extensions-dir and sets code-server's --locale to it. Call before
 * openWorkbench().
 * @param {import('./harness.mjs').Harness} h
 * @param {{ languageId: string, languageName: string, localizedLanguageName: string }} language
 */
export function useDisplayLanguage(h, { languageId, languageName, localizedLanguageName }) {
  if (h.proc) throw new Error('useDisplayLanguage() must come before the server starts');
  const dir = join(h.dir, `language-pack-${languageId}`);
  mkdirSync(join(dir, 'translations'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: `e2e-language-pack-${languageId}`,
    displayName: `${languageName} language pack (e2e, no translations of its own)`,
    publisher: 'review-mentor-e2e',
    version: '1.0.0',
    license: 'MIT',
    engines: { vscode: '^1.100.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [{ languageId, languageName, localizedLanguageName, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }],
    },
  }, null, 2));
  writeFileSync(join(dir, 'translations/main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(dir, 'README.md'), `Test fixture: makes ${languageId} a display language VS Code accepts.\n`);
  const vsix = join(h.dir, `language-pack-${languageId}.vsix`);
  const pack = spawnSync(join(REPO, 'node_modules/.bin/vsce'), ['package', '--allow-missing-repository', '--skip-license', '-o', vsix], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'], // no stdin: a vsce question must not hang the run
  });
  if (pack.status !== 0) throw new Error(`vsce package (language pack) failed:\n${pack.stdout}\n${pack.stderr}`);
  const out = h.installVsix(vsix);
  if (!/successfully installed/.test(out)) throw new Error(`installing the language pack failed:\n${out}`);
  const id = `review-mentor-e2e.e2e-language-pack-${languageId}`;
  const installed = join(h.extensionsDir, `${id}-1.0.0`);
  writeFileSync(join(h.userDataDir, 'languagepacks.json'), JSON.stringify({
    [languageId]: {
      hash: createHash('md5').update(id).update('1.0.0').digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: '1.0.0' }],
      translations: { vscode: join(installed, 'translations/main.i18n.json') },
      label: localizedLanguageName,
    },
  }));
  h.locale = languageId;
}

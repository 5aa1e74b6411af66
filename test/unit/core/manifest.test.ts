// The manifest and the code must agree on command ids, or menus break silently.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { Commands } from '../../../src/platform/commandIds';
import { manifest } from './manifest';

const pkg = manifest;

describe('package.json contributions', () => {
  const contributed: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
  const declared = Object.values(Commands) as string[];

  it('contributes every command the code declares, and no other', () => {
    assert.deepEqual([...contributed].sort(), [...declared].sort());
  });

  it('every menu entry names a contributed command', () => {
    for (const [menu, entries] of Object.entries(pkg.contributes.menus as Record<string, { command: string }[]>)) {
      for (const e of entries) assert.ok(contributed.includes(e.command), `${menu} names unknown command ${e.command}`);
    }
  });

  it('welcome content links only to contributed or built-in commands', () => {
    for (const w of pkg.contributes.viewsWelcome as { contents: string }[]) {
      for (const m of w.contents.matchAll(/command:([\w.]+)/g)) {
        const id = m[1]!;
        assert.ok(contributed.includes(id) || id.startsWith('workbench.'), `welcome links to unknown command ${id}`);
      }
    }
  });

  it('keeps engines.vscode within what the test VS Code (1.100) runs', () => {
    assert.match(pkg.engines.vscode, /^\^1\.(\d+)\.0$/);
    assert.ok(Number(/^\^1\.(\d+)/.exec(pkg.engines.vscode)![1]) <= 100);
  });

  // Categories the Marketplace and Open VSX accept; an unknown one is dropped or refused.
  const CATEGORIES = ['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization'];

  it('is ready for a gallery: icon, banner, known categories, at most 30 keywords, a short description', () => {
    assert.equal(pkg.icon, 'media/icon.png');
    assert.ok(existsSync(pkg.icon), 'the icon file exists');
    assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
    for (const c of pkg.categories) assert.ok(CATEGORIES.includes(c), `unknown category ${c}`);
    assert.ok(pkg.keywords.length > 0 && pkg.keywords.length <= 30, 'the Marketplace takes up to 30 keywords');
    assert.ok(pkg.description.length <= 200, 'the description is one line in the gallery');
    assert.ok(pkg.license && existsSync('LICENSE'), 'Open VSX needs a license');
  });

  it('restricts in untrusted workspaces only settings that exist', () => {
    const settings = Object.keys(pkg.contributes.configuration.properties);
    const untrusted = pkg.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.ok(untrusted.restrictedConfigurations.length > 0);
    for (const s of untrusted.restrictedConfigurations) assert.ok(settings.includes(s), `${s} is not a setting`);
    assert.ok(['limited', true].includes(pkg.capabilities.virtualWorkspaces.supported));
  });
});

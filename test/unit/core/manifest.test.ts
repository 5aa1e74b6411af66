// The manifest and the code must agree on command ids, or menus break silently.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { Commands } from '../../../src/platform/commandIds';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

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
});

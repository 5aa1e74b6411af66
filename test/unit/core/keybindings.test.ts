// Keybindings: every one is scoped by a `when` clause, none collides with
// another, and each context key they test is one the extension sets.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { contextKeysSet } from './contextKeysSet';

interface Keybinding { command: string; key: string; mac?: string; win?: string; linux?: string; when?: string }

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const bindings: Keybinding[] = pkg.contributes.keybindings ?? [];

/**
 * The chord prefix of every Review Mentor keybinding. Checked against VS
 * Code's default keybindings (1.118, Windows, Linux and macOS): no default
 * binding uses ctrl+alt+m or ctrl+cmd+m as a key or as the start of a chord,
 * so the second key cannot shadow a default either.
 */
const PREFIX = { other: 'ctrl+alt+m', mac: 'ctrl+cmd+m' };

/** Modifiers in a fixed order, so "alt+ctrl+m" and "ctrl+alt+m" compare equal. */
function normalise(key: string): string {
  return key
    .toLowerCase()
    .split(' ')
    .map((part) => part.split('+').sort().join('+'))
    .join(' ');
}

function keyOn(b: Keybinding, platform: 'mac' | 'win' | 'linux'): string {
  return normalise(b[platform] ?? b.key);
}


describe('keybindings', () => {
  const commands = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));

  it('cover the common actions: sync, search feedback, tag, accept suggestion, open journal', () => {
    const bound = bindings.map((b) => b.command).sort();
    assert.deepEqual(bound, ['reviewMentor.acceptSuggestion', 'reviewMentor.openJournal', 'reviewMentor.search', 'reviewMentor.sync', 'reviewMentor.tag']);
  });

  it('each names a contributed command and has a when clause', () => {
    for (const b of bindings) {
      assert.ok(commands.has(b.command), `${b.command} is not contributed`);
      assert.ok(b.when && b.when.trim().length > 0, `${b.command} has no when clause`);
    }
  });

  it('has no duplicate keys on any platform and binds no command twice', () => {
    for (const platform of ['mac', 'win', 'linux'] as const) {
      const keys = bindings.map((b) => keyOn(b, platform));
      const dup = keys.find((k, i) => keys.indexOf(k) !== i);
      assert.equal(dup, undefined, `${dup} is bound twice on ${platform}`);
    }
    const cmds = bindings.map((b) => b.command);
    assert.equal(new Set(cmds).size, cmds.length);
  });

  it('are chords under the Review Mentor prefix, finished with one plain key', () => {
    for (const b of bindings) {
      for (const platform of ['mac', 'win', 'linux'] as const) {
        const [first, second, ...rest] = keyOn(b, platform).split(' ');
        assert.equal(first, normalise(platform === 'mac' ? PREFIX.mac : PREFIX.other), `${b.command} on ${platform}`);
        assert.match(second ?? '', /^[a-z0-9]$/, `${b.command} on ${platform}: second key`);
        assert.equal(rest.length, 0);
      }
    }
  });

  it('test only context keys the extension sets', () => {
    const known = contextKeysSet();
    for (const b of bindings) {
      const keys = (b.when ?? '').replace(/\b(focusedView|view)\s*==\s*[\w.]+/g, ''); // view ids are not context keys
      for (const m of keys.matchAll(/\breviewMentor\.[\w.]+/g)) {
        assert.ok(known.has(m[0]), `${b.command}: ${m[0]} is never set`);
      }
    }
  });
});

// The getting-started walkthrough: 5 or 6 steps, each with an image that
// exists and a description, command links that work and completion events
// that can fire; and it opens by itself on a first install only.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { shouldOpenWalkthrough, WALKTHROUGH_ID } from '../../../src/features/walkthrough/firstRun';
import { contextKeysSet } from './contextKeysSet';
import { manifest } from './manifest';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; image?: string; altText: string };
  completionEvents: string[];
}

const pkg = manifest;
const commands = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));


describe('getting-started walkthrough', () => {
  const walkthroughs = pkg.contributes.walkthroughs as { id: string; steps: Step[] }[];
  const steps = walkthroughs[0]!.steps;

  it('is contributed once, with the id the code opens, and 5 or 6 steps', () => {
    assert.deepEqual(walkthroughs.map((w) => w.id), [WALKTHROUGH_ID]);
    assert.ok(steps.length >= 5 && steps.length <= 6, `${steps.length} steps`);
    assert.equal(new Set(steps.map((s) => s.id)).size, steps.length);
  });

  it('covers sign-in or demo, first sync, suggestions, journal and goal, export, tracking', () => {
    const links = steps.map((s) => [...s.description.matchAll(/command:([\w.]+)/g)].map((m) => m[1]));
    assert.deepEqual(links, [
      ['reviewMentor.signIn', 'reviewMentor.openDemo'],
      ['reviewMentor.sync'],
      ['reviewMentor.reviewSuggestions'],
      ['reviewMentor.openJournal'],
      ['reviewMentor.exportSummary'],
      ['reviewMentor.trackEngineer'],
    ]);
  });

  it('gives every step an image that exists, with alternative text', () => {
    for (const s of steps) {
      const file = s.media.svg ?? s.media.image;
      assert.ok(file && /^media\/walkthrough\/[\w-]+\.(svg|png)$/.test(file), `${s.id}: ${file}`);
      assert.ok(existsSync(file), `${file} exists`);
      assert.ok(s.media.altText.length > 20, `${s.id} has alternative text`);
      if (file.endsWith('.svg')) {
        const svg = readFileSync(file, 'utf8');
        assert.match(svg, /<title>[^<]{10,}<\/title>/, `${file} has a title for screen readers`);
        // VS Code draws walkthrough SVGs in a webview whose CSP allows no inline
        // styles: a style attribute is dropped and its shapes turn black.
        assert.doesNotMatch(svg, /(?<![\w-])style=|<style/, `${file} colours with presentation attributes, not styles`);
        assert.match(svg, /fill="var\(--vscode-/, `${file} takes its colours from the theme`);
      }
    }
  });

  it('links only to commands that exist, and completes on events that can fire', () => {
    const keys = contextKeysSet();
    for (const s of steps) {
      for (const m of s.description.matchAll(/command:([\w.]+)/g)) assert.ok(commands.has(m[1]!), `${s.id} links to unknown command ${m[1]}`);
      assert.ok(s.completionEvents.length > 0, `${s.id} has a completion event`);
      for (const e of s.completionEvents) {
        const [kind, rest] = [e.slice(0, e.indexOf(':')), e.slice(e.indexOf(':') + 1)];
        if (kind === 'onCommand') assert.ok(commands.has(rest), `${s.id}: ${rest} is not a command`);
        else if (kind === 'onContext') for (const k of rest.match(/reviewMentor\.[\w.]+/g) ?? []) assert.ok(keys.has(k), `${s.id}: context key ${k} is never set`);
        else assert.fail(`${s.id}: unexpected completion event ${e}`);
      }
    }
  });

  it('is linked from the welcome view and the command palette', () => {
    assert.ok(commands.has('reviewMentor.openWalkthrough'));
    assert.match(pkg.contributes.viewsWelcome[0].contents, /\(command:reviewMentor\.openWalkthrough\)/);
  });

  it('opens by itself on a first install only', () => {
    const first = { shown: false, hasSynced: false, hasJournals: false, openOnInstall: true, testMode: false };
    assert.equal(shouldOpenWalkthrough(first), true);
    assert.equal(shouldOpenWalkthrough({ ...first, shown: true }), false, 'not on every start');
    assert.equal(shouldOpenWalkthrough({ ...first, hasSynced: true }), false, 'not on an update of a used installation');
    assert.equal(shouldOpenWalkthrough({ ...first, hasJournals: true }), false, 'not over journals already synced (CLI, demo)');
    assert.equal(shouldOpenWalkthrough({ ...first, openOnInstall: false }), false, "not against VS Code's setting");
    assert.equal(shouldOpenWalkthrough({ ...first, testMode: true }), false);
  });
});

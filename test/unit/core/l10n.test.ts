// Localisation: every user-visible string can be translated. The manifest
// takes its strings from package.nls.json (%key%); the extension's messages,
// quick-pick titles, placeholders and prompts go through vscode.l10n.t, whose
// English strings are in l10n/bundle.l10n.json (npm run l10n:export).
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import * as l10n from '@vscode/l10n';
import { stateCounts, TAG_STATE_WORDS } from '../../../src/core/vocabulary';
import { relativeAge } from '../../../src/core/browse/text';
import { buildSummary, toHtml } from '../../../src/core/summary';
import { DEFAULT_CATEGORIES, groupLabel, Taxonomy } from '../../../src/core/taxonomy';
import { danaJournal, FROM, NOW, TO } from '../summary/fixture';

const summaryStub = () => buildSummary({ journals: [danaJournal()], from: FROM, to: TO, now: NOW, timeZone: 'UTC', includeText: true, includeReviewerNames: true, excludeBots: true, taxonomy: new Taxonomy(DEFAULT_CATEGORIES) });
import { rawManifest, nls } from './manifest';
import { isL10nCall, tsFiles, unlocalisedCoreText, unlocalisedStrings, untranslatedTemplateText } from './l10nRules';

/** Manifest fields VS Code shows to people. */
function visibleManifestStrings(): { where: string; value: string }[] {
  const out: { where: string; value: string }[] = [];
  const add = (where: string, value: unknown) => typeof value === 'string' && out.push({ where, value });
  const c = rawManifest.contributes;
  add('displayName', rawManifest.displayName);
  add('description', rawManifest.description);
  for (const [k, v] of Object.entries(rawManifest.capabilities ?? {})) add(`capabilities.${k}.description`, (v as { description?: string }).description);
  for (const vc of c.viewsContainers?.activitybar ?? []) add(`viewsContainer ${vc.id}`, vc.title);
  for (const views of Object.values(c.views ?? {}) as { id: string; name: string; contextualTitle?: string }[][]) for (const v of views) (add(`view ${v.id}`, v.name), add(`view ${v.id} contextualTitle`, v.contextualTitle));
  for (const w of c.viewsWelcome ?? []) add(`viewsWelcome ${w.view}`, w.contents);
  for (const cmd of c.commands ?? []) (add(`command ${cmd.command}`, cmd.title), add(`command ${cmd.command} category`, cmd.category), add(`command ${cmd.command} shortTitle`, cmd.shortTitle));
  for (const wt of c.walkthroughs ?? []) {
    add(`walkthrough ${wt.id}`, wt.title);
    add(`walkthrough ${wt.id} description`, wt.description);
    for (const s of wt.steps) (add(`step ${s.id}`, s.title), add(`step ${s.id} description`, s.description), add(`step ${s.id} altText`, s.media?.altText));
  }
  add('configuration.title', c.configuration?.title);
  const props = (p: Record<string, Record<string, unknown>>, prefix: string) => {
    for (const [name, prop] of Object.entries(p)) {
      for (const f of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']) add(`${prefix}${name}.${f}`, prop[f]);
      for (const f of ['enumDescriptions', 'markdownEnumDescriptions']) for (const d of (prop[f] as string[] | undefined) ?? []) add(`${prefix}${name}.${f}`, d);
      const items = prop['items'] as { properties?: Record<string, Record<string, unknown>> } | undefined;
      if (items?.properties) props(items.properties, `${prefix}${name}.items.`);
    }
  };
  props(c.configuration?.properties ?? {}, 'setting ');
  return out;
}

/** The English messages of every l10n.t('...') call with a literal message. */
function l10nMessages(files: string[]): Set<string> {
  const messages = new Set<string>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (isL10nCall(node)) {
        const first = (node as ts.CallExpression).arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) messages.add(first.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return messages;
}

/**
 * The English messages of l10n.t calls that fill a placeholder with words
 * already in the display language: a date or time formatted in it
 * (toLocale*String, Intl relative time through ago(), the panels' formatDate)
 * or a translated vocabulary word or count (core/vocabulary, relativeAge, a
 * nested l10n.t).
 * Untranslated, they read "Synced vor 5 Minuten" or "Untagged, unsicher" in a
 * German VS Code. A message with no words of its own ("{0}: {1}") needs none.
 */
function messagesWithTranslatedParts(files: string[]): Set<string> {
  const messages = new Set<string>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (isL10nCall(node)) {
        const [first, ...rest] = (node as ts.CallExpression).arguments;
        const translatedPart = rest.some((a) => /\b(ago|formatDate|formatDay|formatMonth|toLocale\w*String|relativeAge|comments|stateComments|stateCounts)\(|\b(TAG_STATE_WORDS|UNTAGGED_WORDS)\b|\bl10n\.t\(/.test(a.getText()));
        const ownWords = (m: string) => /\p{L}/u.test(m.replace(/\{\d+\}/g, ''));
        if (translatedPart && first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) && ownWords(first.text)) messages.add(first.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return messages;
}

describe('localisation', () => {
  it('takes every user-visible manifest string from package.nls.json', () => {
    const strings = visibleManifestStrings();
    assert.ok(strings.length > 60, `${strings.length} manifest strings found`);
    const literal = strings.filter((s) => !/^%[\w.-]+%$/.test(s.value)).map((s) => `${s.where}: ${s.value.slice(0, 60)}`);
    assert.deepEqual(literal, [], 'manifest strings written in place');
    const missing = strings.map((s) => s.value.slice(1, -1)).filter((k) => nls[k] === undefined);
    assert.deepEqual(missing, [], 'keys without an English string in package.nls.json');
  });

  it('has no unused keys, and translations only of keys that exist', () => {
    const used = new Set(visibleManifestStrings().map((s) => s.value.slice(1, -1)));
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), [], 'unused keys in package.nls.json');
    const translations = readdirSync('.').filter((f) => /^package\.nls\.[\w-]+\.json$/.test(f));
    assert.ok(translations.length >= 1, 'at least one translation proves the path');
    for (const f of translations) {
      const t = JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>;
      assert.deepEqual(Object.keys(t).filter((k) => nls[k] === undefined), [], `${f} translates keys that do not exist`);
      for (const [k, v] of Object.entries(t)) assert.equal([...v.matchAll(/command:[\w.]+/g)].join(), [...nls[k]!.matchAll(/command:[\w.]+/g)].join(), `${f} ${k} keeps its command links`);
    }
  });

  it('passes every message, title, placeholder, prompt, tooltip, label, description, status bar text and thrown error in src/features, src/platform, src/extension.ts and the My reviews prompts (src/core/mirror) through l10n.t', () => {
    const found = [...tsFiles('src/features'), ...tsFiles('src/platform'), 'src/extension.ts', ...tsFiles('src/core/mirror')].flatMap((f) => unlocalisedStrings(f));
    assert.deepEqual(found, []);
  });

  it('catches a string written in place (checked on code that breaks the rule)', () => {
    const bad = [
      "vscode.window.showInformationMessage('Synced.');",
      'vscode.window.showErrorMessage(`Sync failed: ${why}`, l10n.t("Retry"));',
      "vscode.window.showWarningMessage(l10n.t('Careful'), 'Open settings');",
      "vscode.window.showQuickPick(items, { title: 'Pick one', placeHolder: 'Type to filter' });",
      "vscode.window.showInputBox({ prompt: 'Token ' + hint });",
      "item.tooltip = `${login} on ${host}. Click to show their feedback.`;",
      "item.description = [mine ? 'you' : 'tracked', shown ? l10n.t('shown') : undefined].filter(Boolean).join(' · ');",
      "bar.text = '$(warning) Review Mentor: sync failed';",
      "const node = new vscode.TreeItem('Received', collapsed);",
      "thread.label = `Past review feedback (${n})`;",
      "throw new ReviewDecisionError('That comment is no longer in the journal.');",
    ].join('\n');
    assert.deepEqual(unlocalisedStrings('bad.ts', bad).map((f) => f.split(' ')[1]), ['showInformationMessage:', 'showErrorMessage:', 'showWarningMessage:', 'title:', 'placeHolder:', 'prompt:', '.tooltip', '.description', '.text', 'TreeItem:', '.label', 'new']);
    const good = [
      "vscode.window.showInformationMessage(vscode.l10n.t('Synced {0}.', login), label); const o = { title: l10n.t('Pick one'), id: 'x' };",
      "item.description = [role, failed ? vscode.l10n.t('sync failed') : undefined].filter(Boolean).join(' · ');",
      "bar.text = `$(checklist) ${vscode.l10n.t('{0} to review', n)}`; item.id = `${host}/${login}`; const t = new vscode.TreeItem(engineer.login);",
    ].join('\n');
    assert.deepEqual(unlocalisedStrings('good.ts', good), []);
  });

  // Core, GitHub and the store build words away from the vscode API: returned, joined, pushed onto lists.
  const coreFiles = () => [
    // All of src/core but the classifier, whose keyword lists are data, never shown.
    ...tsFiles('src/core').filter((f) => !f.includes('/classifier/')),
    ...tsFiles('src/github'), ...tsFiles('src/store'),
  ];

  it('passes the words built in src/core (but the classifier), src/github and src/store through l10n.t', () => {
    assert.ok(coreFiles().length >= 60, `${coreFiles().length} files checked`);
    assert.deepEqual(coreFiles().flatMap((f) => unlocalisedCoreText(f)), []);
  });

  it('catches words built in place in core, GitHub and store code (checked on code that breaks the rule)', () => {
    const bad = [
      "export const WORDS = { confirmed: { label: l10n.t('Confirmed'), word: 'confirmed', meaning: l10n.t('counted') } };",
      "function comments(n: number) { return `${n} comment${n === 1 ? '' : 's'}`; }",
      "const personText = (f: Feedback) => (f.given ? `to ${f.author}` : f.reviewer);",
      "if (f.conventional?.blocking) flags.push('blocking');",
      "out.push(`<p class=\"muted\">Nothing stands out this period.</p>`);",
      "const gone = f.deleted ? '(deleted on GitHub) ' : '';",
      "class AuthError extends GitHubError { constructor(message = 'Sign in again.') { super(message); } }",
      "class CancelledError extends GitHubError { constructor() { super(`Sync cancelled after ${n} pull requests.`); } }",
      "report({ kind: 'damaged', file, message: `Could not read ${file}.` });",
      "if (d < MINUTE) return 'just now';",
      "return [l10n.t('{0}% confirmed', a), `${b}% likely`].join(' · ');",
    ].join('\n');
    assert.deepEqual(unlocalisedCoreText('bad.ts', bad).map((f) => f.split(' ')[1]), ['word:', 'return:', '=>:', 'push:', 'push:', 'const:', 'default:', 'super:', 'message:', 'return:', 'return:']);
    const good = [
      "export function tagStateOf(f: Feedback): TagState { return f.tags.length ? 'confirmed' : 'not-sure'; }",
      "const key = `category:${tag.category}`; const file = `journal-${login}.json`; parts.push(`${f.repo}#${f.prNumber}`);",
      "out.push('<ul class=\"points\">', `<li>${esc(p.text)}</li>`, '</ul>'); const sep = ' · ';",
      "if (status === 'resolved') return l10n.t('resolved'); throw new MalformedResponseError('ReviewMentorFeedback', problems);",
      "this.name = 'StoreLockError'; logger.warn(`Took over the lock ${dir}: it was stale.`);",
      "return `${monthNames()[m]} ${y}`;",
    ].join('\n');
    assert.deepEqual(unlocalisedCoreText('good.ts', good), []);
  });

  it('speaks German in core words once the extension hands @vscode/l10n the German bundle, English again without it (the CLI)', () => {
    const de = JSON.parse(readFileSync('l10n/bundle.l10n.de.json', 'utf8')) as Record<string, string>;
    const now = new Date('2026-03-10T12:00:00Z');
    const security = () => Taxonomy.fromSettings().taxonomy.get('security')!;
    const words = () => [TAG_STATE_WORDS.likely.label, stateCounts({ confirmed: 3, likely: 1, notSure: 2 }), relativeAge('2026-03-09T11:00:00Z', now), security().label, groupLabel(security().group)];
    const english = words();
    assert.deepEqual(english, ['Likely', '3 confirmed · 1 likely · 2 not sure', 'yesterday', 'Security', 'Technical']);
    try {
      l10n.config({ contents: de });
      assert.deepEqual(words(), ['Wahrscheinlich', '3 bestätigt · 1 wahrscheinlich · 2 unsicher', 'gestern', 'Sicherheit', 'Technisch']);
      // A category's id, group and icon never change with the language; a label renamed in settings is the user's own.
      assert.deepEqual({ ...security(), label: '', description: '' }, { ...DEFAULT_CATEGORIES.find((c) => c.id === 'security')!, label: '', description: '' });
      assert.equal(Taxonomy.fromSettings([{ id: 'security', label: 'AppSec' }]).taxonomy.labelOf('security'), 'AppSec');
      // A summary exported from the extension names its language for screen readers.
      assert.match(toHtml(summaryStub()), /<html lang="de">[\s\S]*Review-Zusammenfassung: dana/);
    } finally {
      l10n.config({ contents: {} });
    }
    assert.deepEqual(words(), english);
    assert.match(toHtml(summaryStub()), /<html lang="en">/);
  });

  it('hands the display language to the summary bundle, which carries its own copy of @vscode/l10n (dist/summary.js)', async function () {
    this.timeout(60_000);
    const { build } = await import('esbuild');
    const dir = mkdtempSync(join(tmpdir(), 'rm-l10n-summary-'));
    try {
      const outfile = join(dir, 'summary.js');
      // As esbuild.config.mjs builds it; the copy of @vscode/l10n inside is not this test's.
      await build({ entryPoints: ['src/core/summary/render.ts'], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'error' });
      const bundle = createRequire(__filename)(outfile) as typeof import('../../../src/core/summary/render');
      const request = { journals: [danaJournal()], fromDay: FROM, toDay: TO, timeZone: 'UTC', now: NOW, includeText: true, includeReviewerNames: true, excludeBots: true, taxonomy: new Taxonomy(DEFAULT_CATEGORIES) };
      const de = JSON.parse(readFileSync('l10n/bundle.l10n.de.json', 'utf8')) as Record<string, string>;
      try {
        l10n.config({ contents: de }); // what activation does for the extension's own copy
        assert.match(bundle.renderSummary(request, 'md'), /^# Review summary: dana/, 'not handed the translations, the bundle writes English');
        bundle.useTranslations(de);
        assert.match(bundle.renderSummary(request, 'md'), /^# Review-Zusammenfassung: dana[\s\S]*## Gesprächspunkte/);
      } finally {
        l10n.config({ contents: {} });
        bundle.useTranslations({});
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The panels: the journal (tabs, review flow) and My reviews. Lit templates hold no English of their own.
  const panelFiles = () => tsFiles('webview-ui/src');

  it('passes the words of the panels\' templates through l10n.t (text between tags, aria-label, title, placeholder)', () => {
    assert.ok(panelFiles().length >= 15, `${panelFiles().length} files checked`);
    assert.deepEqual(panelFiles().flatMap((f) => untranslatedTemplateText(f)), []);
    assert.deepEqual(panelFiles().flatMap((f) => unlocalisedStrings(f)), []);
  });

  it('catches English written in a template (checked on code that breaks the rule)', () => {
    const bad = [
      'html`<h2>Accept in bulk</h2>`;',
      'html`<p>${n} of ${total} reviewed</p>`;',
      'html`<button aria-label="Dismiss" @click=${close}>${icon}</button>`;',
      'html`<select id="x" title="Pick ${what}"></select>`;',
      'svg`<rect><title>${label}: ${n}</title></rect>`;',
      'html`<p>Read-only: ${reason}</p>`;',
    ].join('\n');
    assert.deepEqual(untranslatedTemplateText('bad.ts', bad).map((f) => f.replace(/^bad\.ts:\d+ /, '')), ['Accept in bulk', 'of reviewed', 'aria-label="Dismiss"', 'title="Pick"', 'Read-only:']);
    const good = [
      "html`<h2 id=\"batch-h\" class=\"x\">${l10n.t('Accept in bulk')}</h2>`;",
      "html`<p>${l10n.t('{0} of {1} reviewed', n, total)} &middot; ${a}:${b}</p>`;",
      "html`<button aria-label=${l10n.t('Dismiss')} data-testid=\"toast\"><span class=\"codicon codicon-close\"></span></button>`;",
      'html`<p>${withParts(l10n.t(\'{0}/{1} accept\'), html`<kbd>Enter</kbd>`, html`<kbd>Y</kbd>`)}</p>`;',
      'html`<!-- Long comment --><code>npm run sandbox</code>`;',
    ].join('\n');
    assert.deepEqual(untranslatedTemplateText('good.ts', good), []);
  });

  it('translates, in every language it ships, each message that carries a date or a word already in the display language (no "Synced vor 5 Minuten", no "Untagged, unsicher")', () => {
    const dated = messagesWithTranslatedParts([...tsFiles('src'), ...tsFiles('webview-ui/src')]);
    assert.ok(dated.has('Synced {0}') && dated.has('Updated {0}') && dated.has('Untagged, {0}'), `found: ${[...dated].join(' | ')}`);
    assert.ok(!dated.has('{0}: {1}'), 'a message of placeholders and punctuation only needs no translation');
    for (const f of readdirSync('l10n').filter((n) => /^bundle\.l10n\.[\w-]+\.json$/.test(n))) {
      const t = JSON.parse(readFileSync(join('l10n', f), 'utf8')) as Record<string, string>;
      assert.deepEqual([...dated].filter((m) => !(m in t)), [], `${f} leaves these half translated`);
    }
  });

  it('keeps l10n/bundle.l10n.json in step with the code (npm run l10n:export)', () => {
    const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.json', 'utf8')) as Record<string, unknown>;
    const code = l10nMessages([...tsFiles('src'), ...tsFiles('webview-ui/src')]);
    assert.ok(code.size > 50, `${code.size} messages`);
    const keyOf = (k: string) => k.replace(/\/[^/]*$/, ''); // a key may carry a comment after "/"
    const inBundle = new Set(Object.keys(bundle).map((k) => (typeof bundle[k] === 'string' ? k : keyOf(k))));
    assert.deepEqual([...code].filter((m) => !inBundle.has(m)), [], 'messages missing from the bundle: run npm run l10n:export');
    for (const f of readdirSync('l10n').filter((n) => /^bundle\.l10n\.[\w-]+\.json$/.test(n))) {
      const t = JSON.parse(readFileSync(join('l10n', f), 'utf8')) as Record<string, string>;
      assert.deepEqual(Object.keys(t).filter((k) => !(k in bundle)), [], `${f} translates messages that no longer exist`);
    }
    assert.ok(existsSync(rawManifest.l10n), 'package.json names the l10n folder');
  });
});

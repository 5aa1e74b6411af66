// German journey: VS Code with German as its display language (a language pack
// installed, code-server's --locale de; see languagePack.mjs) shows the strings
// the extension's German files translate: package.nls.de.json (a view's name,
// command titles) and l10n/bundle.l10n.de.json (the Feedback tree's words and
// category names, the journal's tabs, dates in German, the status bar hint).
// Words the German files leave out stay English by design (the README says
// which are translated).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../harness.mjs';
import { useDisplayLanguage } from '../languagePack.mjs';
import { signInToSandbox, writeDemoClone } from '../sandbox.mjs';

export const name = 'german';
export const timeoutMs = 300_000;

const ME = 'priya-dev';
const nls = JSON.parse(readFileSync(join(REPO, 'package.nls.de.json'), 'utf8'));
const bundle = JSON.parse(readFileSync(join(REPO, 'l10n/bundle.l10n.de.json'), 'utf8'));
/** "2. März 2026": day, German short month, year (Intl, de). */
const GERMAN_DATE = /\b\d{1,2}\. (Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.) \d{4}\b/;

/** A file of mine with someone's comment on it, in a repository we clone (no language server needed). */
function commentedFile(dataset) {
  for (const pr of dataset.pullRequests) {
    if (pr.author !== ME) continue;
    const t = pr.threads.find((x) => !x.isOutdated && x.line && !/\.(tsx?|jsx?)$/.test(x.path) && x.comments.some((c) => c.author !== ME && !c.author.endsWith('[bot]')));
    if (t) return { repo: pr.repo, path: t.path };
  }
  throw new Error('no commented file in the dataset');
}

export default async function (h) {
  useDisplayLanguage(h, { languageId: 'de', languageName: 'German', localizedLanguageName: 'Deutsch' });
  let target;
  const { page } = await signInToSandbox(h, {
    login: ME,
    periodicSync: false,
    beforeOpen: async (sandbox) => {
      const dataset = await sandbox.data();
      target = commentedFile(dataset);
      await writeDemoClone(h.workspace, dataset, target.repo, sandbox.url);
    },
  });
  // vscode.env.language, as the extension saw it.
  assert.match(h.extensionLog(), /Activated in [\d.]+ ms \(display language de\)/);

  // The Feedback view's title says whose feedback it shows, in German (so h.view('Feedback') does not find it).
  const feedback = h.view(bundle['Feedback received']);
  const rows = feedback.locator('.monaco-list-row');
  await rows.first().waitFor({ timeout: 60_000 });
  // The status bar: the time since the sync in German, inside a German sentence.
  await h.statusBarItem('reviewMentor.status').filter({ hasText: /Synchronisiert (vor|jetzt|gerade)/ }).waitFor({ timeout: 15_000 });

  // package.nls.de.json: the Engineers view is "Personen".
  await h.view(nls['view.engineers.name']).locator('.pane-header').waitFor({ timeout: 15_000 });
  // Category groups: German names and counts ("3 bestätigt · 2 wahrscheinlich").
  const labels = (await rows.locator('.label-name').allInnerTexts()).map((t) => t.trim());
  const categories = [bundle.Security, bundle.Correctness, bundle.Praise].filter((c) => labels.includes(c));
  assert.ok(categories.length > 0, `a German category name among the groups: ${labels.join(', ')}`);
  assert.ok(!labels.some((l) => ['Security', 'Correctness', 'Praise'].includes(l)), `no English name of a translated category: ${labels.join(', ')}`);
  const descriptions = (await rows.locator('.label-description').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  assert.ok(descriptions.some((d) => /\d+ (bestätigt|wahrscheinlich)/.test(d)), `German counts in the groups: ${descriptions.join(' | ')}`);
  assert.ok(!descriptions.some((d) => /\b(confirmed|likely|not sure)\b/.test(d)), `no English count words: ${descriptions.join(' | ')}`);
  await h.screenshot('feedback');

  // A command title from package.nls.de.json opens the journal: German tabs, German dates.
  await h.runCommand(`Review Mentor: ${nls['command.openJournal.title']}`);
  const web = h.webviewFrame();
  await web.locator('[data-testid=total-count]').waitFor({ timeout: 30_000 });
  assert.equal(await web.locator('html').getAttribute('lang'), 'de');
  for (const tab of [bundle.Overview, bundle.Timeline, bundle['Goals & actions']]) {
    await web.getByText(tab, { exact: true }).first().waitFor({ timeout: 10_000 });
  }
  await web.locator('[data-tab=timeline]').click();
  const date = web.locator('.row time').first();
  await date.waitFor({ timeout: 15_000 });
  assert.match(await date.innerText(), GERMAN_DATE);
  // A comment with no tag and no suggestion says so in one language ("Ohne Tag, unsicher").
  await web.locator('.row', { hasText: bundle['Untagged, {0}'].replace('{0}', bundle['not sure']) }).first().waitFor({ timeout: 10_000 });
  assert.equal(await web.locator('.row span.muted', { hasText: /^Untagged, / }).count(), 0, 'no English tag-state line in the timeline');
  await page.mouse.move(700, 450);
  await h.screenshot('journal-timeline');

  // Past feedback on a file: the status bar counts it in German.
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(target.path);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: target.path.split('/').pop() }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  const hint = h.statusBarItem('reviewMentor.pastFeedback');
  await hint.filter({ hasText: /\b(1 früherer Review-Kommentar|\d+ frühere Review-Kommentare)\b/ }).waitFor({ timeout: 20_000 });
  await h.screenshot('past-feedback');
}

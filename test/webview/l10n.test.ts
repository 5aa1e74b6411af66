// The page's own strings come from the bundle VS Code hands the extension
// for the display language (vscode.l10n.bundle), put in the page by the host.
import assert from 'node:assert/strict';
import { postHost } from './harness/browser';
import { demoSnapshot, feedback, snapshot, tag } from './harness/fixtures';
import { useSuite } from './harness/suite';

describe('webview strings in another language', () => {
  const suite = useSuite();

  it('shows the German tab names from l10n/bundle.l10n.de.json, and English without a bundle', async () => {
    const de = await suite.open({ query: '&lang=de' });
    await postHost(de.page, { type: 'journal/didChange', snapshot: demoSnapshot() });
    await de.page.waitForSelector('#trend-chart');
    const tabs = await de.page.locator('vscode-tab-header').allInnerTexts();
    assert.deepEqual(tabs.slice(0, 3), ['Übersicht', 'Verlauf', 'Ziele & Aufgaben']);
    assert.equal(await de.page.locator('html').getAttribute('lang'), 'de');
    // Strings without a translation stay English rather than empty.
    assert.match(await de.page.locator('#by-cat-h').innerText(), /^By category$/);
    assert.deepEqual(de.errors, []);

    const en = await suite.open();
    await postHost(en.page, { type: 'journal/didChange', snapshot: demoSnapshot() });
    await en.page.waitForSelector('#trend-chart');
    assert.deepEqual((await en.page.locator('vscode-tab-header').allInnerTexts()).slice(0, 3), ['Overview', 'Timeline', 'Goals & actions']);
  });

  it('shows the review flow in German, with the key caps where the translation puts them', async () => {
    const at = '2026-11-15T09:00:00.000Z';
    const snap = snapshot({ feedback: [feedback({ id: 'a', createdAt: at, updatedAt: at, tags: [tag('tone', 'suggested', 0.5)] }), feedback({ id: 'b', createdAt: at, updatedAt: at })] });
    const { page, errors } = await suite.open({ query: '&lang=de' });
    await postHost(page, { type: 'journal/didChange', snapshot: snap });
    await postHost(page, { type: 'view/show', tab: 'review' });
    await page.locator('[data-testid=review-item]').waitFor();
    assert.equal(await page.locator('[data-testid=review-progress]').innerText(), '1 von 2');
    assert.deepEqual(await page.locator('#review-direction option').allInnerTexts(), ['Erhaltenes Feedback', 'Meine Kommentare']);
    const keys = page.locator('#review-keys');
    assert.match(await keys.innerText(), /^Enter\/Y übernehmen · Kategorietaste wählt eine andere · N\/→ überspringen · Backspace\/U rückgängig · Esc verlassen/);
    assert.equal(await keys.locator('kbd').count(), 7, 'the key caps stay markup inside the translated sentence');
    assert.match(await page.locator('#review-item-h').innerText(), /^Von \S+ in /);
    assert.deepEqual(errors, []);
  });

  it('writes dates in the language the snapshot names (vscode.env.language), English for a tag it cannot use', async () => {
    const at = '2026-03-02T09:00:00.000Z';
    const item = feedback({ id: 'a', createdAt: at, updatedAt: at, tags: [tag('tone', 'suggested', 0.5)] });
    const dateIn = async (language: string | undefined) => {
      const { page, errors } = await suite.open({ query: '&lang=de' });
      await postHost(page, { type: 'journal/didChange', snapshot: snapshot({ feedback: [item], ...(language === undefined ? {} : { language }) }) });
      await postHost(page, { type: 'view/show', tab: 'review' });
      const time = page.locator('[data-testid=review-item] time');
      await time.waitFor();
      assert.deepEqual(errors, []);
      return time.innerText();
    };
    assert.match(await dateIn('de'), /^2\. März 2026$/);
    assert.equal(await dateIn('not a tag!'), 'Mar 2, 2026');
    assert.equal(await dateIn(undefined), 'Mar 2, 2026');
  });
});

// The page's own strings come from the bundle VS Code hands the extension
// for the display language (vscode.l10n.bundle), put in the page by the host.
import assert from 'node:assert/strict';
import { postHost } from './harness/browser';
import { demoSnapshot } from './harness/fixtures';
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
});

// One bad item must not take the panel down: a 2.1 MB body and a malformed
// item each become a placeholder (and a log line); every other item renders.
import assert from 'node:assert/strict';
import { postHost } from './harness/browser';
import { feedback, snapshot } from './harness/fixtures';
import { useSuite } from './harness/suite';

describe('webview: one bad feedback item costs only itself', () => {
  const suite = useSuite();

  it('renders the rest, with a placeholder and a log line for an oversized and a malformed item', async () => {
    const { page, console: log, errors } = await suite.open();
    const good = [1, 2, 3].map((n) => feedback({ id: `ok-${n}`, body: `Fine comment ${n}` }));
    const huge = feedback({ id: 'huge', body: `start ${'x'.repeat(2_100_000)}` });
    const malformed = { ...feedback({ id: 'malformed' }), tags: 'nope', reviewer: 42 };
    const snap = { ...snapshot({ feedback: good }), feedback: [good[0], huge, good[1], malformed, good[2]] };
    await postHost(page, { type: 'journal/didChange', snapshot: snap });
    await page.waitForSelector('[data-testid=total-count]', { timeout: 10_000 });
    await page.click('[data-tab=timeline]');
    await page.waitForSelector('.row[data-id="ok-3"]');

    const shown = await page.evaluate(() => ({
      rows: [...document.querySelectorAll('.row')].map((r) => (r as HTMLElement).dataset.id).sort(),
      placeholders: [...document.querySelectorAll('[data-testid=unshown] .placeholder')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim()),
      loading: !!document.querySelector('.loading'),
    }));
    assert.equal(shown.loading, false, 'not stuck on "Loading journal…"');
    assert.deepEqual(shown.rows, ['ok-1', 'ok-2', 'ok-3']);
    assert.deepEqual(shown.placeholders, ['This comment could not be shown: too large. (huge)', 'This comment could not be shown: malformed. (malformed)']);
    const warnings = log.filter((l) => l.startsWith('warning: [journal]'));
    assert.ok(warnings.some((l) => /item 1 \(huge\) not shown, too large: body: longer than 2000000 characters/.test(l)), warnings.join('\n'));
    assert.ok(warnings.some((l) => /item 3 \(malformed\) not shown, malformed: /.test(l)), warnings.join('\n'));
    assert.ok(warnings.every((l) => l.length < 400), 'log lines never echo the payload');
    assert.deepEqual(errors, []);
  });

  it('says a body was shortened by the host, and links to GitHub for the rest', async () => {
    const { page } = await suite.open();
    const long = feedback({ id: 'long', body: 'y'.repeat(100_000) });
    await postHost(page, { type: 'journal/didChange', snapshot: snapshot({ feedback: [long], clipped: ['long'] }) });
    await page.click('[data-tab=timeline]');
    await page.waitForSelector('.row[data-id="long"]');
    assert.match(await page.locator('.row[data-id="long"] .body').innerText(), /Long comment shortened here/);
  });
});

// Rendering, requests, state restore and message validation in the real page.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { postHost, posted, waitForPosted } from './harness/browser';
import { entry, feedback, snapshot, tag } from './harness/fixtures';
import { useSuite } from './harness/suite';

const at = (iso: string) => ({ createdAt: iso, updatedAt: iso });
// NOW is 2026-11-20: three items in the last 30 days, one in the 30 days before.
const KNOWN = snapshot({
  feedback: [
    feedback({ id: 'k1', ...at('2026-11-18T09:00:00Z'), tags: [tag('testing')], body: 'Please add a **test** for this.' }),
    feedback({ id: 'k2', ...at('2026-11-10T09:00:00Z'), tags: [tag('testing'), tag('design')] }),
    feedback({ id: 'k3', ...at('2026-11-02T09:00:00Z'), tags: [tag('praise')], body: 'Lovely refactor, thank you!', reviewer: 'carol' }),
    feedback({ id: 'k4', ...at('2026-10-05T09:00:00Z'), tags: [tag('testing')] }),
    feedback({ id: 'k5', ...at('2026-11-12T09:00:00Z'), tags: [tag('readability', 'suggested', 0.8)], body: 'Rename `x`?' }),
  ],
  entries: [entry({ id: 'g1', kind: 'goal', text: 'Write the test first', targetDate: '2026-12-31' }), entry({ id: 'a1', kind: 'action', text: 'Read the testing guide' })],
});

const text = (page: Page, sel: string) => page.locator(sel).first().innerText();

describe('webview rendering', () => {
  const suite = useSuite();

  it('shows counts with trends and draws the chart for a known snapshot', async () => {
    const { page, errors } = await suite.open();
    await postHost(page, { type: 'journal/didChange', snapshot: KNOWN });
    await page.waitForSelector('[data-testid=total-count]');
    assert.equal(await text(page, '[data-testid=total-count]'), '4');
    assert.equal(await text(page, '[data-testid=group-technical]'), '2');
    assert.equal(await text(page, '[data-testid=untagged-count]'), '1', 'a suggestion alone leaves an item untagged');
    assert.equal(await text(page, '[data-testid=untagged-split]'), '1 likely · 0 not sure');
    assert.equal(await text(page, '[data-testid=confirmed-count]'), '3');
    assert.match(await text(page, '.cards .card'), /▲ 3/);
    assert.match(await page.locator('.cards .card').first().locator('.sr-only').innerText(), /up 3 from 1 in the previous period/);
    // Three confirmed tags: counts, but no trend by category and no themes (core/vocabulary MIN_CONFIRMED).
    const testingRow = await text(page, 'tr[data-category=testing]');
    assert.match(testingRow, /Testing\s+2\s+–/);
    assert.match(await text(page, '[data-testid=too-few]'), /need at least 5 comments with a confirmed tag in both periods \(3 now, 1 before\)/);
    assert.match(await text(page, '[data-testid=themes-too-few]'), /Too few confirmed tags for themes \(3; at least 5 needed\)/);
    assert.match(await text(page, '.quote'), /Lovely refactor/);
    // The chart drew something: the canvas has coloured pixels.
    const painted = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('#trend-chart')!;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
      return { n, w: c.width, h: c.height };
    });
    assert.ok(painted.w > 100 && painted.h > 100 && painted.n > 1000, JSON.stringify(painted));
    // The period picker changes the numbers.
    await page.evaluate(() => {
      const s = document.querySelector<HTMLSelectElement>('#period')!;
      s.value = '2w';
      s.dispatchEvent(new Event('change'));
    });
    await page.waitForFunction(() => document.querySelector('[data-testid=total-count]')?.textContent === '3'); // k1, k5, k2
    assert.deepEqual(errors, []);
  });

  it('with enough confirmed tags in both periods, shows changes by category and themes', async () => {
    const { page } = await suite.open();
    const now = Array.from({ length: 6 }, (_, i) => feedback({ ...at(`2026-11-${String(10 + i).padStart(2, '0')}T09:00:00Z`), tags: [tag('testing')] }));
    const before = Array.from({ length: 5 }, (_, i) => feedback({ ...at(`2026-10-${String(1 + i).padStart(2, '0')}T09:00:00Z`), tags: [tag('design')] }));
    await postHost(page, { type: 'journal/didChange', snapshot: snapshot({ feedback: [...now, ...before] }) });
    await page.waitForSelector('tr[data-category=testing]');
    assert.match(await text(page, 'tr[data-category=testing]'), /Testing\s+6\s+▲ 6/);
    assert.match(await text(page, 'tr[data-category=design]'), /Design\s+0\s+▼ 5/);
    assert.match(await text(page, '.themes'), /Testing/);
    assert.equal(await page.locator('[data-testid=too-few]').count(), 0);
  });

  it('re-themes the chart when the body theme class changes', async () => {
    const { page } = await suite.open({ theme: 'dark' });
    await postHost(page, { type: 'journal/didChange', snapshot: KNOWN });
    await page.waitForSelector('#trend-chart');
    await page.waitForTimeout(100);
    const before = await page.evaluate(() => document.querySelector<HTMLCanvasElement>('#trend-chart')!.toDataURL());
    await page.evaluate(() => (document.body.className = 'vscode-light'));
    await page.waitForTimeout(150);
    const after = await page.evaluate(() => document.querySelector<HTMLCanvasElement>('#trend-chart')!.toDataURL());
    assert.notEqual(after, before);
  });

  it('shows suggestions distinctly and posts accept, reject and link requests', async () => {
    const { page } = await suite.open();
    await postHost(page, { type: 'journal/didChange', snapshot: KNOWN });
    await page.click('[data-tab=timeline]');
    const row = page.locator('.row[data-id=k5]');
    await row.waitFor();
    assert.match(await row.locator('.chip.suggested').innerText(), /Readability\?/);
    await row.getByRole('button', { name: 'Accept suggested tag Readability' }).click();
    await row.getByRole('button', { name: 'Reject suggested tag Readability' }).click();
    await row.getByRole('button', { name: 'Link to…' }).click();
    await row.locator('select').selectOption('a1');
    await row.getByRole('button', { name: 'Link', exact: true }).click();
    const [accept] = await waitForPosted(page, 'suggestion/accept');
    const [reject] = await waitForPosted(page, 'suggestion/reject');
    const [link] = await waitForPosted(page, 'feedback/link');
    assert.deepEqual([accept?.feedbackId, accept?.category, reject?.category], ['k5', 'readability', 'readability']);
    assert.deepEqual([link?.feedbackId, link?.entryId], ['k5', 'a1']);
  });

  it('rows size to their content: short comments take little room, long ones are cut to a few lines', async () => {
    const { page } = await suite.open();
    const short = Array.from({ length: 30 }, (_, i) => feedback({ id: `s${i}`, ...at(new Date(Date.UTC(2026, 10, 19) - i * 3_600_000).toISOString()), body: 'LGTM' }));
    const long = feedback({ id: 'long', ...at('2026-11-19T12:00:00Z'), body: Array.from({ length: 40 }, (_, i) => `Line ${i} of a long review comment that goes on.`).join('\n\n') });
    await postHost(page, { type: 'journal/didChange', snapshot: snapshot({ feedback: [long, ...short] }) });
    await page.click('[data-tab=timeline]');
    await page.waitForSelector('.row[data-id=s3]');
    await page.waitForTimeout(200);
    const h = (id: string) => page.locator(`.row[data-id=${id}]`).evaluate((el) => (el as HTMLElement).offsetHeight);
    const [shortH, longH] = [await h('s3'), await h('long')];
    assert.ok(shortH < 100, `a one-word comment is a short row (${shortH}px; rows were 164 px each before)`);
    assert.ok(longH > shortH && longH < 260, `a long comment is cut to a few lines (${longH}px)`);
    assert.equal(await page.locator('.row[data-id=long] .body.clipped').count(), 1, 'and it fades out where it is cut');
    // Rows are laid out where they are: no gaps, no overlaps.
    const tops = await page.locator('.row').evaluateAll((els) => els.slice(0, 6).map((el) => { const r = el.getBoundingClientRect(); return [r.top, r.bottom]; }));
    for (let i = 1; i < tops.length; i++) assert.ok(Math.abs(tops[i]![0]! - tops[i - 1]![1]!) <= 1, `row ${i} starts where row ${i - 1} ends: ${JSON.stringify(tops)}`);
    const onScreen = await page.locator('.viewport').evaluate((vp) => {
      const box = vp.getBoundingClientRect();
      return [...vp.querySelectorAll('.row')].filter((r) => { const b = r.getBoundingClientRect(); return b.top >= box.top && b.bottom <= box.bottom; }).length;
    });
    assert.ok(onScreen >= 6, `many short rows fit on a screen (${onScreen})`);
  });

  it('tags from the timeline with the Feedback view\'s picker (feedback/tagPicker)', async () => {
    const { page } = await suite.open();
    await postHost(page, { type: 'journal/didChange', snapshot: KNOWN });
    await page.click('[data-tab=timeline]');
    const row = page.locator('.row[data-id=k3]');
    await row.getByRole('button', { name: /^Tag comment by carol/ }).click();
    const [req] = await waitForPosted(page, 'feedback/tagPicker');
    assert.equal(req?.feedbackId, 'k3');
  });

  it('an action item can belong to a goal: chosen when added, listed under the goal', async () => {
    const { page } = await suite.open();
    const withGoal = { ...KNOWN, entries: [...KNOWN.entries, entry({ id: 'a2', kind: 'action', text: 'Pair on a test-first change', goalId: 'g1' })] };
    await postHost(page, { type: 'journal/didChange', snapshot: withGoal });
    await page.click('[data-tab=goals]');
    const goal = page.locator('.entry[data-entry-id=g1]');
    await goal.locator('.goal-actions .entry[data-entry-id=a2]').waitFor();
    assert.match(await text(page, '#sec-action'), /Action items without a goal/);
    await page.evaluate(() => {
      const s = document.querySelector<HTMLSelectElement>('#new-kind')!;
      s.value = 'action';
      s.dispatchEvent(new Event('change'));
    });
    await page.locator('#new-goal').selectOption('g1');
    await page.locator('#new-text input').fill('Read the testing guide again');
    await page.click('#add-entry');
    const [create] = await waitForPosted(page, 'entry/create');
    assert.deepEqual(create?.entry, { kind: 'action', text: 'Read the testing guide again', goalId: 'g1' });
    // Moving an action to no goal.
    await page.locator('#goal-of-a2').selectOption('');
    const [update] = await waitForPosted(page, 'entry/update');
    assert.deepEqual([update?.id, update?.patch], ['a2', { goalId: null }]);
  });

  it('a goal shows a linked comment deleted on GitHub as a stub: when, why kept, what it said', async () => {
    const { page, errors } = await suite.open();
    const goal = entry({ id: 'g9', kind: 'goal', text: 'Smaller functions', links: ['k1', 'x1', 'x2'] });
    const stub = { id: 'x1', reviewer: 'bob', excerpt: 'Please split this function: it does three things.', deletedOnGitHubAt: '2026-11-14T08:30:00Z' };
    await postHost(page, { type: 'journal/didChange', snapshot: { ...KNOWN, entries: [goal], deleted: [stub] } });
    await page.click('[data-tab=goals]');
    const links = page.locator('.entry[data-entry-id=g9] [aria-label="Linked feedback"] li');
    await links.first().waitFor();
    const texts = (await links.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.equal(texts[0], 'bob: Please add a test for this.', 'a live link shows its comment');
    assert.equal(texts[1], 'Deleted on GitHub on Nov 14, 2026; kept here because this goal links to it. bob: Please split this function: it does three things.');
    assert.equal(texts[2], 'No longer in the journal.');
    assert.equal(await links.nth(1).getAttribute('class'), 'deleted-stub');
    // A sync that deletes the live one: the delta moves it to the stubs.
    await postHost(page, { type: 'journal/didChangeItems', delta: { engineer: KNOWN.engineer, upsert: [], removed: ['k1'], deleted: [{ id: 'k1', reviewer: 'dana', excerpt: 'Please add a test for this.', deletedOnGitHubAt: '2026-11-19T10:00:00Z' }], now: KNOWN.now, readOnly: false } });
    await page.waitForFunction(() => /Deleted on GitHub on Nov 19, 2026; kept here because this goal links to it/.test(document.querySelector('.entry[data-entry-id=g9] [aria-label="Linked feedback"] li')?.textContent ?? ''));
    assert.deepEqual(errors, []);
  });

  it('adds a goal by posting entry/create', async () => {
    const { page } = await suite.open();
    await postHost(page, { type: 'journal/didChange', snapshot: KNOWN });
    await page.click('[data-tab=goals]');
    await page.locator('#new-text input').fill('Ask for review earlier');
    await page.locator('#new-date input').fill('2027-01-15');
    await page.click('#add-entry');
    const [create] = await waitForPosted(page, 'entry/create');
    assert.deepEqual(create?.entry, { kind: 'goal', text: 'Ask for review earlier', targetDate: '2027-01-15' });
    assert.equal(typeof create?.requestId, 'number');
    await postHost(page, { type: 'response', requestId: create!.requestId, ok: true });
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#new-text')?.value === '');
  });

  it('deletes with an Undo toast that posts entry/undo', async () => {
    const { page } = await suite.open();
    await postHost(page, { type: 'journal/didChange', snapshot: KNOWN });
    await page.click('[data-tab=goals]');
    await page.getByRole('button', { name: /Delete Goal/ }).click();
    const [del] = await waitForPosted(page, 'entry/delete');
    assert.equal(del?.id, 'g1');
    await postHost(page, { type: 'response', requestId: del!.requestId, ok: true, undo: { label: 'Goal deleted' } });
    await page.waitForSelector('[data-testid=toast]');
    assert.match(await text(page, '[data-testid=toast]'), /Goal deleted/);
    await page.click('#toast-action');
    await waitForPosted(page, 'entry/undo');
    // An error response is shown, not swallowed.
    const [undo] = await posted(page, 'entry/undo');
    await postHost(page, { type: 'response', requestId: undo!.requestId, ok: false, error: 'Nothing to undo.' });
    await page.waitForSelector('[data-testid=toast].error');
  });

  it('restores tab, filters and scroll position after a reload', async () => {
    const { page } = await suite.open();
    const many = snapshot({ feedback: Array.from({ length: 200 }, (_, i) => feedback({ id: `m${i}`, reviewer: i % 2 ? 'bob' : 'carol', ...at(new Date(Date.UTC(2026, 10, 19) - i * 3_600_000).toISOString()) })) });
    await postHost(page, { type: 'journal/didChange', snapshot: many });
    await page.click('[data-tab=timeline]');
    await page.locator('.search input').fill('comment');
    await page.waitForTimeout(400);
    await page.locator('.viewport').evaluate((el) => (el.scrollTop = 3000));
    await page.waitForTimeout(300);
    // The row at the top of the view (rows size to their content, so the pixel offset is not what matters).
    const topRow = () => page.locator('.viewport').evaluate((vp) => {
      const box = vp.getBoundingClientRect();
      return (document.elementFromPoint(box.left + 40, box.top + 2) as HTMLElement | null)?.closest<HTMLElement>('.row')?.dataset.id;
    });
    const firstBefore = await topRow();
    assert.ok(firstBefore && firstBefore !== 'm0', `scrolled down to ${firstBefore}`);
    await page.reload();
    await waitForPosted(page, 'ready');
    await postHost(page, { type: 'journal/didChange', snapshot: many });
    await page.waitForSelector('.viewport .row');
    await page.waitForTimeout(200);
    assert.equal(await page.locator('.search').evaluate((el) => (el as HTMLInputElement).value), 'comment');
    assert.equal(await topRow(), firstBefore, 'the same comment is at the top of the view');
    const state = await page.evaluate(() => JSON.parse(sessionStorage.getItem('journal-harness-state')!));
    assert.deepEqual([state.login, state.host, state.tab], ['alice', 'github.com', 'timeline']);
  });

  it('is keyboard operable with a visible focus ring', async () => {
    const { page } = await suite.open();
    await postHost(page, { type: 'journal/didChange', snapshot: KNOWN });
    await page.click('[data-tab=timeline]');
    await page.locator('.row[data-id=k1] .row-head button').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.row[data-id=k1].expanded');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { expanded: el.getAttribute('aria-expanded'), outline: getComputedStyle(el).outlineStyle };
    });
    assert.deepEqual(focus, { expanded: 'true', outline: 'solid' });
    await page.keyboard.press('Tab'); // the PR link
    await page.keyboard.press('Tab'); // the remove-tag button on the chip
    await page.keyboard.press('Space');
    const [untag] = await waitForPosted(page, 'feedback/tag');
    assert.deepEqual([untag?.feedbackId, untag?.category, untag?.action], ['k1', 'testing', 'remove']);
  });

  it('shows an empty state with no feedback', async () => {
    const { page } = await suite.open();
    await postHost(page, { type: 'journal/didChange', snapshot: snapshot() });
    assert.match(await text(page, '.empty'), /No feedback yet — sync or open demo data/);
  });
});

describe('webview message validation', () => {
  const suite = useSuite();

  it('ignores and logs malformed host messages', async () => {
    const { page, console: log } = await suite.open();
    const bad: unknown[] = [
      { type: 'journal/didChange', snapshot: { ...KNOWN, engineer: { login: 42 } } },
      // (A bad item inside the list is a placeholder, see isolation.test.ts; a list that is not a list is a bad message.)
      { type: 'journal/didChange', snapshot: { ...KNOWN, feedback: 'nope' } },
      { type: 'journal/wipe' },
      { type: 'response', requestId: 1, ok: false },
      'journal/didChange',
      null,
    ];
    for (const m of bad) await postHost(page, m);
    await page.waitForTimeout(100);
    assert.equal(await page.locator('#app').getAttribute('aria-busy'), 'true', 'still waiting for a valid snapshot');
    assert.match(await text(page, '#app'), /Loading journal/);
    assert.equal(log.filter((l) => l.startsWith('warning: [journal] rejected message')).length, bad.length);
    // A response to a request that was never made is dropped too.
    await postHost(page, { type: 'response', requestId: 999, ok: true });
    assert.ok(log.some((l) => l.includes('response to unknown request 999')));
    // A valid one is still accepted afterwards.
    await postHost(page, { type: 'journal/didChange', snapshot: KNOWN });
    await page.waitForSelector('[data-testid=total-count]');
  });
});

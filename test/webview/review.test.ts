// The review flow in the real page: keyboard only, what it posts to the host,
// progress, undo, the batch preview, and safe rendering of hostile comments.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { postHost, posted, waitForPosted } from './harness/browser';
import { feedback, snapshot, tag } from './harness/fixtures';
import { useSuite } from './harness/suite';

const at = (iso: string) => ({ createdAt: iso, updatedAt: iso });
const recent = at('2026-11-15T09:00:00.000Z');
// Queue order: not sure first, then least confident; tagged and given items are not in it.
const SNAP = snapshot({
  feedback: [
    feedback({ id: 'd', ...recent, tags: [tag('praise', 'suggested', 0.95)], body: 'Great work on this!' }),
    feedback({ id: 'a', ...recent, tags: [tag('tone', 'suggested', 0.5)], body: 'Why would anyone do this?', diffHunk: '@@ -1,2 +1,2 @@\n-old line\n+new line' }),
    feedback({ id: 'f', ...recent, body: 'hmm <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>' }),
    feedback({ id: 'b', ...recent, tags: [tag('testing', 'suggested', 0.6)] }),
    feedback({ id: 'e', ...recent, tags: [tag('praise', 'suggested', 0.92)], body: 'Lovely, thanks!' }),
    feedback({ id: 'c', ...recent, tags: [tag('design', 'suggested', 0.7)] }),
    feedback({ id: 'tagged', ...recent, tags: [tag('design')] }),
    feedback({ id: 'given', ...recent, author: 'carol', reviewer: 'alice' }),
  ],
});

/** Answers every request the page has posted and not yet had answered. */
async function answerAll(page: Page, answered: Set<number>, extra: Record<string, unknown> = { applied: 1, skipped: 0 }): Promise<void> {
  for (const m of await posted(page)) {
    const id = m.requestId as number | undefined;
    if (id === undefined || answered.has(id)) continue;
    answered.add(id);
    await postHost(page, { type: 'response', requestId: id, ok: true, ...extra });
  }
}

const shown = (page: Page) => page.locator('[data-testid=review-item]').getAttribute('data-id');
const progress = (page: Page) => page.locator('[data-testid=review-progress]').innerText();

describe('webview: review suggestions', () => {
  const suite = useSuite();

  it('walks the queue with the keyboard: accept, pick, skip, undo, leave', async () => {
    const { page, errors } = await suite.open();
    await postHost(page, { type: 'journal/didChange', snapshot: SNAP });
    await page.locator('[data-testid=to-review]').waitFor();
    assert.match(await page.locator('[data-testid=to-review]').innerText(), /6 to review/);
    await page.locator('[data-testid=to-review]').click();
    await page.locator('[data-testid=review-item]').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('review')), true, 'the flow has focus');
    const answered = new Set<number>();

    // 1. "f" has no suggestion: Enter does nothing but say so; a category key tags it.
    assert.equal(await shown(page), 'f');
    assert.equal(await progress(page), '1 of 6');
    assert.match(await page.locator('[data-testid=review-suggestion]').innerText(), /Not sure/);
    await page.keyboard.press('Enter');
    assert.equal(await shown(page), 'f');
    assert.match(await page.locator('[data-testid=review-live]').innerText(), /No suggestion to accept/);
    await page.keyboard.press('3'); // third category: Testing
    assert.equal(await shown(page), 'a');
    assert.equal(await progress(page), '2 of 6');
    assert.match(await page.locator('[data-testid=review-live]').innerText(), /Tagged Testing\. 2 of 6/);
    assert.match(await page.locator('.hunk').innerText(), /\+new line/);

    // 2. "a": accept with Y; 3. "b": skip with N; 4. "c": skip with the right arrow.
    await page.keyboard.press('y');
    assert.equal(await shown(page), 'b');
    await page.keyboard.press('n');
    assert.equal(await shown(page), 'c');
    await page.keyboard.press('ArrowRight');
    assert.equal(await shown(page), 'e');
    assert.equal(await progress(page), '5 of 6');
    await answerAll(page, answered);

    // 5. Undo twice: the two skips come back, nothing is posted for them.
    const before = (await posted(page)).length;
    await page.keyboard.press('Backspace');
    assert.equal(await shown(page), 'c');
    await page.keyboard.press('u');
    assert.equal(await shown(page), 'b');
    // 6. Undo again: the accept of "a" is undone on the host, naming its item.
    await page.keyboard.press('Backspace');
    assert.equal(await shown(page), 'a');
    const undo = await waitForPosted(page, 'review/undo');
    assert.deepEqual(undo[0]!.feedbackIds, ['a']);
    assert.equal((await posted(page)).length, before + 1, 'skips never reach the host');

    const decisions = (await posted(page, 'review/decide')).map((m) => [m.feedbackId, m.decision]);
    assert.deepEqual(decisions, [['f', { kind: 'pick', category: 'testing' }], ['a', { kind: 'accept' }]]);

    // 7. Esc leaves to the overview; coming back resumes where it was.
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=total-count]').waitFor();
    await page.locator('[data-tab=review]').click();
    assert.equal(await shown(page), 'a');
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  });

  it('undo brings back an item whose tag the host has already written', async () => {
    const { page } = await suite.open();
    await postHost(page, { type: 'journal/didChange', snapshot: SNAP });
    await page.locator('[data-testid=to-review]').click();
    await page.locator('[data-testid=review-item]').waitFor();
    assert.equal(await shown(page), 'f');
    await page.keyboard.press('3'); // Testing
    assert.equal(await shown(page), 'a');
    await answerAll(page, new Set());
    // The write lands: the journal now holds f with a manual Testing tag.
    const written = { ...SNAP, feedback: SNAP.feedback.map((f) => (f.id === 'f' ? { ...f, tags: [tag('testing')] } : f)) };
    await postHost(page, { type: 'journal/didChange', snapshot: written });
    await page.keyboard.press('Backspace');
    assert.equal(await shown(page), 'f', 'the undone item is shown again, not passed over as tagged elsewhere');
    assert.deepEqual((await waitForPosted(page, 'review/undo'))[0]!.feedbackIds, ['f']);
  });

  it('renders the comment safely and labels the categories with their keys', async () => {
    const { page } = await suite.open();
    await postHost(page, { type: 'journal/didChange', snapshot: SNAP });
    await page.locator('[data-testid=to-review]').click();
    const body = page.locator('.review-body');
    await body.waitFor();
    assert.equal(await body.locator('script').count(), 0);
    assert.equal(await body.locator('[onerror]').count(), 0);
    const testing = page.getByRole('button', { name: 'Testing', exact: true });
    await testing.waitFor();
    assert.equal(await testing.getAttribute('aria-keyshortcuts'), '3');
    assert.equal(await page.locator('.review').getAttribute('aria-label'), 'Review suggestions');
    assert.equal(await page.locator('[data-testid=review-live]').getAttribute('aria-live'), 'polite');
  });

  it('previews a batch, accepts it in one request and undoes it in one step', async () => {
    const { page } = await suite.open();
    await postHost(page, { type: 'journal/didChange', snapshot: SNAP });
    await page.locator('[data-testid=to-review]').click();
    await page.locator('#batch-category').selectOption('praise');
    await page.locator('#batch-min').selectOption('0.9');
    assert.match(await page.locator('#batch-preview').innerText(), /Preview 2 items/);
    await page.locator('#batch-preview').click();
    const preview = page.locator('[data-testid=batch-preview]');
    await preview.waitFor();
    assert.deepEqual(await preview.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), ['e', 'd']);
    await page.locator('#batch-apply').click();
    const [batch] = await waitForPosted(page, 'review/batch');
    assert.deepEqual([batch!.category, batch!.minConfidence, batch!.feedbackIds], ['praise', 0.9, ['e', 'd']]);
    assert.equal(await progress(page), '3 of 6', 'the two accepted items count as reviewed');
    await answerAll(page, new Set(), { applied: 2, skipped: 0 });
    await page.locator('[data-testid=toast]', { hasText: /Accepted Praise on 2/ }).waitFor();
    await page.locator('.review').focus();
    await page.keyboard.press('u');
    const [undo] = await waitForPosted(page, 'review/undo');
    assert.deepEqual(undo!.feedbackIds, ['e', 'd']);
    assert.equal(await progress(page), '1 of 6');
  });

  it('opens on the host\'s word (command, status bar) with focus in the flow', async () => {
    const { page } = await suite.open();
    await postHost(page, { type: 'journal/didChange', snapshot: SNAP });
    await page.locator('[data-testid=total-count]').waitFor();
    await postHost(page, { type: 'view/show', tab: 'review' });
    await page.locator('[data-testid=review-item]').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('review')), true);
  });

  it('shows the likely layer apart from confirmed counts, with a toggle', async () => {
    const { page } = await suite.open();
    await postHost(page, { type: 'journal/didChange', snapshot: SNAP });
    const shares = page.locator('[data-testid=tag-shares]');
    await shares.waitFor();
    assert.match(await shares.innerText(), /14% confirmed \(1\) · 72% likely \(5\) · 14% not sure \(1\)/);
    const testing = page.locator('tr[data-category=testing]');
    assert.match(await testing.innerText(), /Testing\s+0/, 'a suggestion is not counted');
    assert.equal(await page.locator('[data-testid=likely-praise] [aria-hidden=true]').innerText(), '+2');
    await page.locator('#show-likely').click();
    await page.locator('[data-testid=likely-praise]').waitFor({ state: 'detached' });
    assert.match(await testing.innerText(), /Testing\s+0/);
    assert.match(await shares.innerText(), /72% likely/, 'the shares stay stated');
  });
});

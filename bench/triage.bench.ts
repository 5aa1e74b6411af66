// Review suggestions: key press to the next item rendered in real Chromium
// with 10,000 items waiting, and 1,000 accepts written in one store write to
// a 50,000-item journal (with undo between runs, so each run accepts fresh items).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launch, waitForPosted } from '../test/webview/harness/browser';
import { buildWebview } from '../test/webview/harness/build';
import { feedback, NOW, snapshot, tag } from '../test/webview/harness/fixtures';
import { startHarness } from '../test/webview/harness/server';
import { JournalStore } from '../src/store';
import { suggestedTag } from '../src/core/model';
import { applyDecisions, undoDecisions } from '../src/features/review/reviewWriter';
import { makeItems } from './store.bench';

const N = 10_000;
const KEYS = 40;
const CATS = ['testing', 'praise', 'readability', 'design', 'tone'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
}

/** 10,000 untagged received items with suggestions, bodies in Markdown with a diff hunk. */
function waiting(): ReturnType<typeof snapshot> {
  const end = Date.parse(NOW);
  return snapshot({
    feedback: Array.from({ length: N }, (_, i) => {
      const at = new Date(end - (i % 200) * 86_400_000).toISOString();
      return feedback({
        id: `Q_${i}`,
        body: `**Item ${i}**: please consider extracting this into a helper; the \`error\` path is not tested.\n\n- one\n- two`,
        diffHunk: '@@ -1,4 +1,5 @@\n context\n-old()\n+new()\n+more()',
        createdAt: at,
        updatedAt: at,
        tags: [tag(CATS[i % CATS.length]!, 'suggested', 0.3 + ((i * 37) % 70) / 100)],
      });
    }),
  });
}

/** ms from the keydown event to the first animation frame after the next item is in the DOM. */
async function keyToNext(page: Page, key: string): Promise<number> {
  const before = await page.locator('[data-testid=review-item]').getAttribute('data-id');
  const waiter = page.evaluate(`new Promise((resolve) => {
    const start = window.__keyAt;
    const check = () => {
      const el = document.querySelector('[data-testid=review-item]');
      if (el && el.getAttribute('data-id') !== ${JSON.stringify(before)}) requestAnimationFrame(() => resolve(performance.now() - window.__keyAt));
      else requestAnimationFrame(check);
    };
    check();
  })`);
  await page.keyboard.press(key);
  return (await waiter) as number;
}

async function nextItem(): Promise<Record<string, number>> {
  process.env.WEBVIEW_MINIFY = '1';
  await buildWebview();
  const h = await startHarness();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${h.origin}/index.html?theme=dark`);
    await page.evaluate(`sessionStorage.setItem('journal-harness-state', JSON.stringify({ tab: 'review' }))`);
    await page.reload();
    await waitForPosted(page, 'ready');
    // The real key event's timestamp, taken before the page's own handlers run.
    await page.evaluate(`window.addEventListener('keydown', (e) => { window.__keyAt = e.timeStamp; }, true)`);
    await page.evaluate((d) => ((globalThis as unknown as { __snap: unknown }).__snap = d), waiting() as unknown);
    await page.evaluate(`window.postMessage({ type: 'journal/didChange', snapshot: window.__snap }, location.origin)`);
    await page.locator('[data-testid=review-item]').waitFor({ timeout: 60_000 });
    await page.locator('.review').focus();
    const times: number[] = [];
    for (let i = 0; i < KEYS + 5; i++) {
      // Alternate accept and skip: an accept also posts a request to the (fake) host.
      const ms = await keyToNext(page, i % 2 === 0 ? 'y' : 'n');
      if (i >= 5) times.push(ms); // warm-up
    }
    return { 'triage.nextItemMs10k': Math.round(median(times) * 10) / 10, 'triage.nextItemP95Ms10k': Math.round(p95(times) * 10) / 10, 'triage.items': N };
  } finally {
    await browser.close();
    await h.close();
  }
}

async function batchApply(): Promise<Record<string, number>> {
  const root = mkdtempSync(path.join(tmpdir(), 'rm-triage-bench-'));
  try {
    const engineer = { login: 'bench', host: 'github.com' };
    const items = makeItems();
    const handle = await new JournalStore({ rootDir: root }).open(engineer);
    await handle.upsertFeedback(items);
    await handle.load();
    const ids = items.filter((f) => suggestedTag(f)).map((f) => f.id);
    const runs: number[] = [];
    for (let r = 0; r < 5; r++) {
      const batch = ids.slice(r * 1_000, (r + 1) * 1_000);
      const t0 = performance.now();
      const { receipt } = await applyDecisions(handle, batch.map((feedbackId) => ({ feedbackId, action: { kind: 'accept' } })), { by: 'bench', at: new Date().toISOString(), batch: { category: 'testing', minConfidence: 0.5 } });
      runs.push(performance.now() - t0);
      if (receipt.ids.length !== 1_000) throw new Error(`accepted ${receipt.ids.length}, expected 1000`);
      if (r === 0) await undoDecisions(handle, receipt);
    }
    return { 'triage.batchApplyMs1k': Math.round(median(runs) * 10) / 10, 'triage.journalItems': items.length };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, number>> {
  return { ...(await nextItem()), ...(await batchApply()), 'triage.loadAvg1m': Math.round(loadavg()[0]! * 10) / 10 };
}

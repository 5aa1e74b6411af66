// Journal panel first render in real Chromium: time from posting a
// `journal/didChange` with 10,000 items to the timeline's first rows being
// painted (requestAnimationFrame after render). Baseline in the same run:
// the same page rendering all 10,000 rows (virtualisation off).
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { launch, waitForPosted } from '../test/webview/harness/browser';
import { buildWebview } from '../test/webview/harness/build';
import { manyFeedback, snapshot } from '../test/webview/harness/fixtures';
import { startHarness, type Harness } from '../test/webview/harness/server';

const N = 10_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** One fresh page; returns ms from postMessage to the first painted frame with rows, and the row count. */
interface Timing {
  ms: number;
  rows: number;
  transferMs: number;
  validateMs: number;
  renderMs: number;
}

async function firstRender(browser: Browser, h: Harness, data: unknown, o: { tab: string; renderAll?: boolean }): Promise<Timing> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  try {
    const url = `${h.origin}/index.html?theme=dark${o.renderAll ? '&renderAll=1' : ''}`;
    await page.goto(url);
    await page.evaluate((tab) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('journal-harness-state', JSON.stringify({ tab })), o.tab);
    await page.reload();
    await waitForPosted(page, 'ready');
    await page.evaluate((d) => ((globalThis as unknown as { __snap: unknown }).__snap = d), data);
    const selector = o.tab === 'timeline' ? '.viewport .row' : '#trend-chart';
    // A string, not a function: tsx would wrap named inner functions in a __name() helper the page lacks.
    return (await page.evaluate(`(async () => {
      const t0 = performance.now();
      // A real message event: structured clone and async delivery, as in VS Code.
      window.postMessage({ type: 'journal/didChange', snapshot: window.__snap }, location.origin);
      while (!document.querySelector(${JSON.stringify(selector)})) await new Promise((r) => requestAnimationFrame(r));
      // The frame in which the rows are painted, then the task after it.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const mark = (n) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN;
      return {
        ms: performance.now() - t0,
        rows: document.querySelectorAll('.row').length,
        transferMs: mark('journal:received') - t0,
        validateMs: mark('journal:validated') - mark('journal:received'),
        renderMs: mark('journal:rendered') - mark('journal:validated'),
      };
    })()`)) as Timing;
  } finally {
    await page.close();
  }
}

export async function run(): Promise<Record<string, number>> {
  process.env.WEBVIEW_MINIFY = '1'; // measure what ships
  await buildWebview();
  const h = await startHarness();
  const browser = await launch();
  try {
    const data = snapshot({ feedback: manyFeedback(N) });
    await firstRender(browser, h, data, { tab: 'timeline' }); // warm-up (JIT, font)
    const runs: Timing[] = [];
    for (let i = 0; i < 5; i++) runs.push(await firstRender(browser, h, data, { tab: 'timeline' }));
    const virtual = runs.map((r) => r.ms);
    const rows = runs[0]!.rows;
    const all: number[] = [];
    let allRows = 0;
    // One run: rendering every row takes over a minute. JOURNAL_BENCH_BASELINE=0 skips it.
    for (let i = 0; i < (process.env.JOURNAL_BENCH_BASELINE === '0' ? 0 : 1); i++) {
      const r = await firstRender(browser, h, data, { tab: 'timeline', renderAll: true });
      all.push(r.ms);
      allRows = r.rows;
    }
    const overview: number[] = [];
    for (let i = 0; i < 3; i++) overview.push((await firstRender(browser, h, data, { tab: 'overview' })).ms);
    const v = median(virtual);
    const b = all.length > 0 ? median(all) : NaN;
    return {
      'journal.items': N,
      'journal.firstRenderMs10k': Math.round(v),
      'journal.renderedRows10k': rows,
      'journal.firstRenderMs10kAllRows': Math.round(b),
      'journal.renderedRows10kAllRows': allRows,
      'journal.virtualSpeedup': Math.round((b / v) * 10) / 10,
      'journal.overviewFirstRenderMs10k': Math.round(median(overview)),
      // Where the time goes (medians): postMessage clone + delivery, zod validation, DOM render.
      'journal.transferMs10k': Math.round(median(runs.map((r) => r.transferMs))),
      'journal.validateMs10k': Math.round(median(runs.map((r) => r.validateMs))),
      'journal.renderMs10k': Math.round(median(runs.map((r) => r.renderMs))),
      'journal.loadAvg1m': Math.round(loadavg()[0]! * 10) / 10,
    };
  } finally {
    await browser.close();
    await h.close();
  }
}

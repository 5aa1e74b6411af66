// First paint: the Feedback view never shows another engineer's feedback under
// the wrong name while sign-in is under way, and never the sign-in welcome to
// someone who is signed in. The sandbox answers the identity check slowly
// (8 s), as a real server may after a window reload. Two starts: a fresh one
// (nothing cached: "Signing in…"), and a reload (the cached identity at once).
import assert from 'node:assert/strict';
import { startSandbox } from '../sandbox.mjs';

export const name = 'first-paint';
export const timeoutMs = 300_000;

const ME = 'priya-dev';
const OTHER = 'sam-lee';
const SLOW_MS = 8_000;

/** Samples what the Feedback view shows, every 100 ms, until stop() is called. */
function watchView(page) {
  const samples = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const s = await page
        .evaluate(() => {
          const pane = [...document.querySelectorAll('.part.sidebar .pane')].find((p) => /^Feedback/i.test(p.querySelector('.pane-header')?.getAttribute('aria-label') ?? ''));
          if (!pane) return undefined;
          return {
            header: pane.querySelector('.pane-header')?.textContent ?? '',
            message: pane.querySelector('.message')?.textContent ?? '',
            welcome: pane.querySelector('.welcome-view-content')?.checkVisibility?.() ? pane.querySelector('.welcome-view-content').textContent : '',
            rows: [...pane.querySelectorAll('.monaco-list-row')].slice(0, 3).map((r) => r.getAttribute('aria-label') ?? ''),
          };
        })
        .catch(() => undefined); // the page is reloading
      if (s) samples.push({ t: Date.now(), ...s });
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    samples,
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}

function assertNeverWrong(samples, when) {
  assert.ok(samples.length > 10, `${when}: the view was sampled (${samples.length})`);
  for (const s of samples) {
    assert.doesNotMatch(s.header, new RegExp(OTHER), `${when}: the view showed ${OTHER} while ${ME} is signed in: ${JSON.stringify(s)}`);
    assert.doesNotMatch(s.welcome, /Sign in to GitHub/, `${when}: the sign-in welcome showed to a signed-in user: ${JSON.stringify(s)}`);
  }
}

export default async function (h) {
  const sandbox = await startSandbox();
  try {
    h.env.REVIEW_MENTOR_TOKEN = `sandbox-token-${ME}`;
    h.settings({ 'reviewMentor.github.serverUrl': sandbox.url, 'reviewMentor.trackedEngineers': [OTHER], 'reviewMentor.sync.intervalMinutes': 0 });
    await sandbox.fault({ kind: 'slow', match: 'ReviewMentorViewer', delayMs: SLOW_MS });

    // 1. A fresh start: nobody cached, so the view says "Signing in…" until the server answers.
    const page = await h.openWorkbench();
    await h.openViewContainer('Review Mentor');
    let watch = watchView(page);
    await h.view('Feedback').locator('.pane-header', { hasText: ME }).waitFor({ timeout: 60_000 });
    let samples = await watch.stop();
    assertNeverWrong(samples, 'fresh start');
    assert.ok(samples.some((s) => /Signing in/.test(s.message)), `the view said "Signing in…" while the identity was unknown: ${JSON.stringify(samples.slice(0, 3))}`);
    await h.waitForLog(new RegExp(`Synced ${OTHER}`), 90_000);

    // 2. A reload: the identity cached from the last session shows at once, before the slow check answers.
    await sandbox.fault({ kind: 'slow', match: 'ReviewMentorViewer', delayMs: SLOW_MS });
    watch = watchView(page);
    const reloaded = Date.now();
    await h.reload();
    await h.openViewContainer('Review Mentor');
    await h.view('Feedback').locator('.pane-header', { hasText: ME }).waitFor({ timeout: 60_000 });
    const shownAfter = Date.now() - reloaded;
    await h.view('Feedback').locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });
    await h.screenshot('after-reload');
    await page.waitForTimeout(SLOW_MS);
    samples = await watch.stop();
    assertNeverWrong(samples, 'reload');
    const checks = (await sandbox.requests()).filter((r) => r.operationName === 'ReviewMentorViewer' && Date.parse(r.time) >= reloaded);
    assert.ok(checks.length >= 1, 'the identity check ran again after the reload');
    const answeredAt = Date.parse(checks[0].time) + SLOW_MS;
    const firstMe = samples.find((s) => s.header.includes(ME));
    assert.ok(firstMe && firstMe.t < answeredAt, `the cached identity showed before the identity check answered (shown ${firstMe ? firstMe.t - reloaded : '-'} ms, answered ${answeredAt - reloaded} ms after the reload began)`);
    console.log(`      ${ME} shown ${(shownAfter / 1000).toFixed(1)} s after the reload began; the identity check answered after ${((answeredAt - reloaded) / 1000).toFixed(1)} s`);
  } finally {
    sandbox.close();
  }
}

// Demo data journey: without any GitHub, "Open demo data" in the welcome view
// fills the Feedback view with the generated team's feedback, offline.
import assert from 'node:assert/strict';

export const name = 'demo-data';

export default async function (h) {
  const page = await h.openWorkbench();
  await h.openViewContainer('Review Mentor');
  const feedback = h.view('Feedback');
  await feedback.getByRole('button', { name: 'Open demo data', exact: true }).click();
  await h.waitForNotification(/showing demo data for priya-dev/, 60_000);
  const rows = feedback.locator('.monaco-list-row');
  await rows.first().waitFor({ timeout: 30_000 });
  const labels = await rows.allInnerTexts();
  assert.ok(labels.some((l) => /Praise/.test(l)), `category groups are shown: ${labels.join(' | ')}`);
  await h.statusBarItem('reviewMentor.status').filter({ hasText: /demo data/ }).waitFor({ timeout: 10_000 });
  // One journal per demo engineer, under the "demo" host.
  const journals = h.globalStorageFiles().filter((f) => /^journals\/demo\/[^/]+\.json$/.test(f));
  assert.equal(journals.length, 6, journals.join('\n'));
  await page.mouse.move(700, 450);
  await h.screenshot('filled');
}

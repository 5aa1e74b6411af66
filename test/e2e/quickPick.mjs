// Picking in VS Code's quick input, shared by the journeys.
import assert from 'node:assert/strict';

/**
 * Types `text` into the open quick input and picks the first row showing it.
 * `checkbox: true` ticks the row in a multi-select pick (and checks that it
 * took) before accepting with Enter.
 */
export async function pickInQuickPick(page, text, { checkbox = false } = {}) {
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ state: 'visible' });
  if (checkbox) {
    for (let i = 0; i < 5 && (await row.getAttribute('aria-checked')) !== 'true'; i++) {
      await row.locator('.monaco-checkbox, input[type=checkbox]').first().click();
      await page.waitForTimeout(200);
    }
    assert.equal(await row.getAttribute('aria-checked'), 'true', `${text} is ticked`);
    await page.keyboard.press('Enter');
  } else {
    await row.click();
  }
  // The next prompt may reuse the widget: wait for this one's text to go, not for the widget.
  await page.waitForFunction((t) => {
    const widget = document.querySelector('.quick-input-widget');
    const field = widget?.querySelector('input.input');
    return !widget || getComputedStyle(widget).display === 'none' || field?.value !== t;
  }, text);
}

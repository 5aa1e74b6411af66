// Launches the system Chromium with playwright-core and opens the harness page.
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Harness } from './server';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
}

export interface PanelPage {
  page: Page;
  console: string[];
  errors: string[];
}

/** The body classes VS Code gives a webview: Dark+/Light+ and the two high-contrast themes. */
export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
export const THEMES: ThemeKind[] = ['dark', 'light', 'high-contrast', 'high-contrast-light'];

export async function openPanel(browser: Browser, h: Harness, o: { theme?: ThemeKind; width?: number; height?: number; query?: string; page?: 'index' | 'mirror' } = {}): Promise<PanelPage> {
  const page = await browser.newPage({ viewport: { width: o.width ?? 1100, height: o.height ?? 900 } });
  const consoleLines: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.origin}/${o.page ?? 'index'}.html?theme=${o.theme ?? 'dark'}${o.query ?? ''}`);
  await waitForPosted(page, 'ready');
  return { page, console: consoleLines, errors };
}

export async function waitForPosted(page: Page, type: string, count = 1): Promise<Record<string, unknown>[]> {
  await page.waitForFunction(
    ([t, c]) => (globalThis as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === t).length >= (c as number),
    [type, count] as const,
  );
  return posted(page, type);
}

export async function posted(page: Page, type?: string): Promise<Record<string, unknown>[]> {
  const all = await page.evaluate(() => (globalThis as unknown as { __posted: Record<string, unknown>[] }).__posted);
  return type ? all.filter((m) => m.type === type) : all;
}

export async function postHost(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => (globalThis as unknown as { __host: { post(m: unknown): void } }).__host.post(m), message);
}

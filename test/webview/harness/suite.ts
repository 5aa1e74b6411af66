// Per-suite setup: build the webview bundle once, serve it, launch Chromium.
import type { Browser } from 'playwright-core';
import { launch, openPanel, type PanelPage } from './browser';
import { buildWebview } from './build';
import { startHarness, type Harness } from './server';

let built: Promise<void> | undefined;

export interface Suite {
  harness: Harness;
  browser: Browser;
  open(o?: Parameters<typeof openPanel>[2]): Promise<PanelPage>;
}

export function useSuite(): Suite {
  const s = {} as Suite;
  const pages: PanelPage[] = [];
  before(async function () {
    this.timeout(120_000);
    built ??= buildWebview();
    await built;
    s.harness = await startHarness();
    s.browser = await launch();
    s.open = async (o) => {
      const p = await openPanel(s.browser, s.harness, o);
      pages.push(p);
      return p;
    };
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.page.close()));
  });
  after(async () => {
    await s.browser?.close();
    await s.harness?.close();
  });
  return s;
}

// The health check every E2E journey ends with (test/e2e/health.mjs): errors
// fail a journey unless they are known code-server noise or expected by it.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ES module without types
import { checkHealth, hostErrors } from '../../e2e/health.mjs';

function fakeHarness(over: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rm-health-'));
  const logs = join(dir, 'logs/20260101T000000/exthost1');
  mkdirSync(join(logs, 'review-mentor.review-mentor'), { recursive: true });
  writeFileSync(join(logs, 'exthost.log'), '2026-01-01 00:00:00.000 [info] Extension host started\n');
  writeFileSync(join(logs, 'review-mentor.review-mentor/Review Mentor.log'), '2026-01-01 00:00:00.000 [info] Activated in 12.0 ms\n');
  return { dir, logs, h: { userDataDir: dir, pageErrors: [] as string[], consoleErrors: [] as string[], page: undefined, proc: undefined, ...over } };
}

describe('e2e health check', () => {
  it('passes a quiet journey, with the known code-server noise allowed', async () => {
    const { dir, h } = fakeHarness();
    h.consoleErrors.push('Failed to load resource: the server responded with a status of 404 (Not Found) (http://127.0.0.1:1/stable-x/static/node_modules/vsda/rust/web/vsda.js)');
    h.consoleErrors.push('Failed to load resource: net::ERR_NAME_NOT_RESOLVED (https://open-vsx.org/vscode/gallery/extensionquery)');
    await checkHealth(h);
    rmSync(dir, { recursive: true });
  });

  it('fails on a workbench error, an extension host error or an error in our own log, naming them', async () => {
    const page = fakeHarness();
    page.h.pageErrors.push('TypeError: cannot read properties of undefined');
    await assert.rejects(checkHealth(page.h), /workbench logged 1 error.*TypeError/s);
    const host = fakeHarness();
    writeFileSync(join(host.logs, 'review-mentor.review-mentor/Review Mentor.log'), '2026-01-01 00:00:01.000 [error] Could not refresh the Feedback view: boom\n');
    assert.equal(hostErrors(host.dir).length, 1);
    await assert.rejects(checkHealth(host.h), /extension host logged 1 error.*Could not refresh/s);
    // ...unless the journey provoked it on purpose.
    await checkHealth(host.h, [/Could not refresh the Feedback view/]);
    for (const d of [page.dir, host.dir]) rmSync(d, { recursive: true });
  });
});

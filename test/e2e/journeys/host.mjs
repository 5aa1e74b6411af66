// Mocha tests inside the real extension host (test/e2e/host/*.test.ts),
// loaded through the payload's extensionTestsPath next to extensionDevelopmentPath.
import assert from 'node:assert/strict';
import { buildHostTests } from '../run.mjs';

export const name = 'extension-host';

export default async function (h) {
  const index = await buildHostTests();
  const results = await h.runHostTests(index);
  for (const t of results.tests) console.log(`      ${t.state === 'passed' ? '✓' : '✗'} ${t.title}${t.error ? `\n${t.error.replace(/^/gm, '          ')}` : ''}`);
  assert.ok(results.tests.length >= 2, `expected the host tests to run, got ${JSON.stringify(results)}`);
  assert.equal(results.failed, 0, `${results.failed} host test(s) failed`);
}

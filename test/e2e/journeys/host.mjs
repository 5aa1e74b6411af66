// Mocha tests inside the real extension host (test/e2e/host/*.test.ts),
// loaded through the payload's extensionTestsPath next to extensionDevelopmentPath.
// The workspace is a clone of a demo repository, so the past-feedback test has
// a file with feedback to keep open.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildHostTests } from '../run.mjs';
import { writeDemoClone } from '../sandbox.mjs';
import { demoFileWithMostFeedback } from '../demoFiles.mjs';

export const name = 'extension-host';
export const timeoutMs = 360_000;
// The past-feedback test shows the file with the most feedback twice (a split
// editor), so 2 x 16 comment threads hang on the workbench's shared emitters and
// VS Code's leak monitor warns once it counts 175 listeners on one of them. The
// host test itself checks that no thread is recreated and memory stays bounded.
export const expectedErrors = [/potential listener LEAK detected, having \d+ listeners already/];

export default async function (h) {
  const index = await buildHostTests();
  const { dataset, repo, path } = await demoFileWithMostFeedback();
  await writeDemoClone(h.workspace, dataset, repo, 'https://github.com');
  h.env.REVIEW_MENTOR_HOST_PAST_FILE = join(h.workspace, ...path.split('/'));
  const results = await h.runHostTests(index, 300_000);
  for (const t of results.tests) console.log(`      ${t.state === 'passed' ? '✓' : '✗'} ${t.title}${t.error ? `\n${t.error.replace(/^/gm, '          ')}` : ''}`);
  assert.ok(results.tests.length >= 3, `expected the host tests to run, got ${JSON.stringify(results)}`);
  assert.equal(results.failed, 0, `${results.failed} host test(s) failed`);
}

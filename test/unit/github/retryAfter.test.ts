// Retry-After on a secondary rate limit is honoured whether GitHub answers 403
// or 429: a short wait is taken once, a long one ends in RateLimitError with
// the time GitHub named, never a quick retry that spends the budget.
import assert from 'node:assert/strict';
import { startSandbox, generateDataset, DEMO_VIEWER, type Sandbox } from '../../../sandbox';
import { getViewer, type RateLimitInfo } from '../../../src/github/client';
import { RateLimitError } from '../../../src/github/errors';
import { recordingLogger, sandboxClient } from './helpers';

describe('github/client: Retry-After on 403 and 429', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 10 }) });
  });
  afterEach(() => sandbox.clearFaults());
  after(() => sandbox.close());

  for (const status of [403, 429]) {
    it(`${status} with Retry-After: 120 -> RateLimitError at about now + 120 s, one request`, async () => {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger(), { maxRateLimitWaitMs: 5000, retryBaseMs: 1000 });
      sandbox.injectFault({ kind: 'secondary-rate-limit', status, retryAfterSeconds: 120, times: 5 });
      sandbox.resetRequests();
      const t0 = Date.now();
      const err = await getViewer(client).then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof RateLimitError, String(err));
      assert.equal(err.kind, 'secondary');
      assert.ok(Math.abs(err.resetAt.getTime() - (t0 + 120_000)) < 5_000, `resets at ${err.resetAt.toISOString()}`);
      assert.equal(sandbox.requests().length, 1, 'not retried before the time GitHub named');
    });

    it(`${status} with Retry-After: 1 -> waits at least 1 s, told to onRateLimit, then succeeds`, async () => {
      const seen: RateLimitInfo[] = [];
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger(), { maxRateLimitWaitMs: 5000, onRateLimit: (i) => seen.push(i) });
      sandbox.injectFault({ kind: 'secondary-rate-limit', status, retryAfterSeconds: 1 });
      const t0 = Date.now();
      assert.equal(await getViewer(client), DEMO_VIEWER);
      assert.ok(Date.now() - t0 >= 1000, `waited ${Date.now() - t0} ms`);
      assert.deepEqual(seen.map((s) => s.kind), ['secondary']);
    });
  }
});

// Sign-in rules that do not depend on VS Code: what signs out, the backoff,
// and that a late start-up check cannot undo a newer sign-in.
import { strict as assert } from 'node:assert';
import { backoffMs, outcomeOfError, Tickets } from '../../../src/features/account/identity';
import { AuthError, NetworkError, RateLimitError, ServerError } from '../../../src/github/errors';

describe('account/identity', () => {
  it('only a refused token (401) signs out; network, server and rate-limit failures keep the identity', () => {
    assert.equal(outcomeOfError(new AuthError()).kind, 'refused');
    for (const err of [new NetworkError('https://ghe.example.com', 'ECONNREFUSED'), new ServerError(502), new RateLimitError(new Date()), new Error('socket hang up')]) {
      assert.equal(outcomeOfError(err).kind, 'unreachable', err.message);
    }
  });

  it('backs off 5 s, 10 s, 20 s ... up to 5 minutes', () => {
    assert.deepEqual([0, 1, 2, 3].map((n) => backoffMs(n)), [5_000, 10_000, 20_000, 40_000]);
    assert.equal(backoffMs(20), 300_000);
  });

  it('a check that started before a sign-in cannot apply its result after it', () => {
    const tickets = new Tickets();
    const startupCheck = tickets.take();
    const signIn = tickets.take();
    assert.equal(tickets.isLatest(signIn), true);
    assert.equal(tickets.isLatest(startupCheck), false);
  });
});

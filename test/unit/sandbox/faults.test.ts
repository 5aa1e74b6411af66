import assert from 'node:assert/strict';
import { generateDataset, startSandbox, type Sandbox } from '../../../sandbox';
import { gql, rest } from './helpers';

describe('sandbox: auth and faults', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ data: generateDataset({ seed: 5, prs: 40 }) });
  });
  afterEach(() => sb.clearFaults());
  after(() => sb.close());

  it('accepts demo-token and sandbox-token-<login>, rejects anything else with 401', async () => {
    assert.equal((await rest(sb, 'GET', '/user')).json.login, 'priya-dev');
    assert.equal((await rest(sb, 'GET', '/user', undefined, 'sandbox-token-aisha-k')).json.login, 'aisha-k');
    const bad = await rest(sb, 'GET', '/user', undefined, 'ghp_wrong');
    assert.equal(bad.status, 401);
    assert.equal(bad.json.message, 'Bad credentials');
    assert.equal((await rest(sb, 'GET', '/user', undefined, 'sandbox-token-nobody')).status, 401);
    const gqlBad = await gql(sb, '{ viewer { login } }', {}, 'nope');
    assert.equal(gqlBad.status, 401);
    const none = await fetch(`${sb.apiUrl}/user`);
    assert.equal(none.status, 401);
    assert.ok(none.headers.get('x-ratelimit-limit'), 'rate-limit headers on errors too');
  });

  it('sends rate-limit headers on every response', async () => {
    const r = await rest(sb, 'GET', '/user');
    for (const h of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-used', 'x-ratelimit-resource']) assert.ok(r.headers.get(h), h);
    assert.equal(r.headers.get('x-ratelimit-resource'), 'core');
  });

  it('answers a body that is not JSON with 400, like GitHub', async () => {
    const res = await fetch(sb.graphqlUrl, { method: 'POST', headers: { authorization: 'token demo-token' }, body: '{ query: nope' });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as any).message, 'Problems parsing JSON');
  });

  it('unauthorized: 401 once, then normal again', async () => {
    sb.injectFault({ kind: 'unauthorized' });
    assert.equal((await gql(sb, '{ viewer { login } }')).status, 401);
    assert.equal((await gql(sb, '{ viewer { login } }')).status, 200);
  });

  it('rate-limit: 403 with remaining 0 and a reset in the future', async () => {
    sb.injectFault({ kind: 'rate-limit', resetSeconds: 120 });
    const r = await gql(sb, '{ viewer { login } }');
    assert.equal(r.status, 403);
    assert.equal(r.headers.get('x-ratelimit-remaining'), '0');
    const reset = Number(r.headers.get('x-ratelimit-reset'));
    assert.ok(reset >= Date.now() / 1000 + 110 && reset <= Date.now() / 1000 + 130, String(reset));
    assert.match(r.json.message, /^API rate limit exceeded/);
  });

  it('secondary-rate-limit: 403 or 429 with retry-after', async () => {
    sb.injectFault({ kind: 'secondary-rate-limit', retryAfterSeconds: 3 });
    sb.injectFault({ kind: 'secondary-rate-limit', status: 429 });
    const a = await gql(sb, '{ viewer { login } }');
    assert.equal(a.status, 403);
    assert.equal(a.headers.get('retry-after'), '3');
    assert.match(a.json.message, /secondary rate limit/);
    const b = await gql(sb, '{ viewer { login } }');
    assert.equal(b.status, 429);
    assert.equal(b.headers.get('retry-after'), '1');
  });

  it('not-found and server-error, counted by times and filtered by match', async () => {
    sb.injectFault({ kind: 'server-error', times: 2, match: 'Sync' });
    sb.injectFault({ kind: 'not-found', match: '/user' });
    assert.equal((await gql(sb, 'query Other { viewer { login } }')).status, 200, 'other operations are not hit');
    assert.equal((await gql(sb, 'query Sync { viewer { login } }')).status, 502);
    assert.equal((await gql(sb, 'query Sync { viewer { login } }')).status, 502);
    assert.equal((await gql(sb, 'query Sync { viewer { login } }')).status, 200);
    assert.equal((await rest(sb, 'GET', '/user')).status, 404);
    assert.equal((await rest(sb, 'GET', '/user')).status, 200);
  });

  it('slow: delays the answer, which is otherwise normal', async () => {
    sb.injectFault({ kind: 'slow', delayMs: 300 });
    const t = Date.now();
    const r = await gql(sb, '{ viewer { login } }');
    assert.ok(Date.now() - t >= 290);
    assert.equal(r.data.viewer.login, 'priya-dev');
  });

  it('drop: closes the connection without a response', async () => {
    sb.injectFault({ kind: 'drop' });
    await assert.rejects(gql(sb, '{ viewer { login } }'), /fetch failed/);
    assert.equal((await gql(sb, '{ viewer { login } }')).status, 200);
  });

  it('admin endpoints: faults over HTTP, request log, data', async () => {
    const post = await fetch(`${sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ kind: 'server-error', times: 5 }) });
    assert.equal(post.status, 200);
    assert.equal((await gql(sb, '{ viewer { login } }')).status, 502);
    assert.equal((await fetch(`${sb.url}/_sandbox/faults`, { method: 'DELETE' })).status, 204);
    assert.equal((await gql(sb, '{ viewer { login } }')).status, 200);
    const bad = await fetch(`${sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ kind: 'meteor' }) });
    assert.equal(bad.status, 400);

    assert.equal((await fetch(`${sb.url}/_sandbox/reset-requests`, { method: 'POST' })).status, 204);
    await gql(sb, 'query Me { viewer { login } }');
    await rest(sb, 'GET', '/user');
    const log = (await (await fetch(`${sb.url}/_sandbox/requests`)).json()) as any[];
    assert.deepEqual(log.map((e) => [e.kind, e.operationName, e.path, e.status, e.cost]), [
      ['graphql', 'Me', '/api/graphql', 200, 1],
      ['rest', undefined, '/api/v3/user', 200, undefined],
    ]);
    const data = (await (await fetch(`${sb.url}/_sandbox/data`)).json()) as any;
    assert.equal(data.pullRequests.length, 40);
  });
});

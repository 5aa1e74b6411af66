// The client's error mapping against recorded GitHub responses
// (@octokit/fixtures) and hand-made malformed ones, replayed by a tiny local
// server; which endpoints each kind of server gets; publishing edits against the sandbox.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGitHubClient, getViewer } from '../../../src/github/client';
import { AuthError, ForbiddenError, GitHubError, GraphQLRequestError, MalformedResponseError, NetworkError, NotFoundError } from '../../../src/github/errors';
import { updateCommentBody } from '../../../src/github/mutations';
import { syncEngineer } from '../../../src/github/sync';
import { startSandbox, DEMO_VIEWER } from '../../../sandbox';
import { recordingLogger, tempJournal } from './helpers';

interface Recorded {
  status: number;
  headers: Record<string, string>;
  response: unknown;
}

function fixture(scenario: string, status: number): Recorded {
  const file = join(__dirname, '../../../node_modules/@octokit/fixtures/scenarios/api.github.com', scenario, 'normalized-fixture.json');
  const all = JSON.parse(readFileSync(file, 'utf8')) as Recorded[];
  return all.find((r) => r.status === status)!;
}

/** Replays one response for every request; records the requests' auth headers. */
async function replay(reply: (body: string) => Recorded): Promise<{ url: string; auth: string[]; close(): Promise<void> }> {
  const auth: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      auth.push(String(req.headers.authorization));
      const r = reply(body);
      const headers = { ...r.headers, 'content-type': 'application/json; charset=utf-8' };
      delete (headers as Record<string, string>)['content-length'];
      delete (headers as Record<string, string>)['connection'];
      res.writeHead(r.status, headers);
      res.end(JSON.stringify(r.response));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, auth, close: () => new Promise((r) => server.close(() => r())) };
}

const TOKEN = 'ghp_secretsecretsecret1234';

describe('github/client', () => {
  it('sends sign-in checks, sync, REST and published markers to the endpoints of each kind of server', async () => {
    const cases: [serverUrl: string, graphql: string, rest: string, host: string, webUrl: string][] = [
      ['', 'https://api.github.com/graphql', 'https://api.github.com/user', 'github.com', 'https://github.com'],
      ['https://api.acme.ghe.com/', 'https://api.acme.ghe.com/graphql', 'https://api.acme.ghe.com/user', 'acme.ghe.com', 'https://acme.ghe.com'],
      ['https://example.com/github/api/v3/', 'https://example.com/github/api/graphql', 'https://example.com/github/api/v3/user', 'example.com', 'https://example.com/github'],
    ];
    for (const [serverUrl, graphql, rest, host, webUrl] of cases) {
      const seen: string[] = [];
      const fetch = async (input: string | URL, init?: RequestInit) => {
        seen.push(`${init?.method ?? 'GET'} ${String(input)}`);
        const body = String(input).endsWith('/user') ? { login: 'octo' } : { data: { viewer: { login: 'octo' }, updateIssueComment: { issueComment: { id: 'IC_1', body: 'b' } } } };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      };
      const client = createGitHubClient({ serverUrl, getToken: async () => TOKEN, logger: recordingLogger(), fetch });
      assert.equal(await getViewer(client), 'octo');
      await updateCommentBody(client, { id: 'IC_1', kind: 'conversation', body: 'b' });
      await client.octokit.request('GET /user');
      assert.deepEqual(seen, [`POST ${graphql}`, `POST ${graphql}`, `GET ${rest}`], serverUrl);
      assert.deepEqual([client.host, client.webUrl], [host, webUrl]);
    }
  });

  it('a recorded GitHub 404 (@octokit/fixtures branch-protection) -> NotFoundError', async () => {
    const srv = await replay(() => fixture('branch-protection', 404));
    try {
      const log = recordingLogger();
      const client = createGitHubClient({ serverUrl: srv.url, getToken: async () => TOKEN, logger: log, retryBaseMs: 1 });
      await assert.rejects(getViewer(client), NotFoundError);
      assert.equal(srv.auth[0], `token ${TOKEN}`, 'the token is sent');
      assert.ok(log.lines.every((l) => !l.includes(TOKEN)));
    } finally {
      await srv.close();
    }
  });

  it('a recorded GitHub 422 (@octokit/fixtures errors) -> GitHubError with GitHub\'s message, not retried', async () => {
    const srv = await replay(() => fixture('errors', 422));
    try {
      const client = createGitHubClient({ serverUrl: srv.url, getToken: async () => TOKEN, logger: recordingLogger(), retryBaseMs: 1 });
      const err = await getViewer(client).catch((e: unknown) => e);
      assert.ok(err instanceof GitHubError);
      assert.match((err as Error).message, /HTTP 422: Validation Failed/);
      assert.equal(srv.auth.length, 1);
    } finally {
      await srv.close();
    }
  });

  it('a token echoed in an error message is redacted', async () => {
    const srv = await replay(() => ({ status: 401, headers: {}, response: { message: `Bad credentials for ${TOKEN}` } }));
    try {
      const log = recordingLogger();
      const client = createGitHubClient({ serverUrl: srv.url, getToken: async () => TOKEN, logger: log });
      const err = await getViewer(client).catch((e: unknown) => e);
      assert.ok(err instanceof AuthError);
      assert.ok(!String((err as Error).message).includes(TOKEN) && !String((err as Error).stack).includes(TOKEN));
      assert.ok(log.lines.every((l) => !l.includes(TOKEN)));
    } finally {
      await srv.close();
    }
  });

  it('GraphQL errors without data -> GraphQLRequestError naming them', async () => {
    const srv = await replay(() => ({ status: 200, headers: {}, response: { data: null, errors: [{ type: 'MAX_NODE_LIMIT_EXCEEDED', message: 'too many nodes' }] } }));
    try {
      const client = createGitHubClient({ serverUrl: srv.url, getToken: async () => TOKEN, logger: recordingLogger() });
      await assert.rejects(getViewer(client), (e: unknown) => e instanceof GraphQLRequestError && /MAX_NODE_LIMIT_EXCEEDED: too many nodes/.test(e.message));
    } finally {
      await srv.close();
    }
  });

  it('a malformed search page -> MalformedResponseError naming the field; journal unchanged', async () => {
    const pr = { id: 'PR_1', number: '12', title: 't', url: 'u', updatedAt: '2026-01-01T00:00:00Z', repository: { nameWithOwner: 'a/b' }, author: { login: 'x', __typename: 'User' }, reviews: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] }, comments: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } };
    const search = { issueCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [pr] };
    const empty = { issueCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };
    const srv = await replay(() => ({ status: 200, headers: {}, response: { data: { rateLimit: { cost: 1, remaining: 4999, resetAt: '2026-01-01T00:00:00Z' }, received: search, reviewed: empty, commented: empty } } }));
    const engineer = { login: 'x', host: 'h' };
    const j = await tempJournal(engineer);
    try {
      const client = createGitHubClient({ serverUrl: srv.url, getToken: async () => TOKEN, logger: recordingLogger() });
      const before = await j.handle.load();
      const err = await syncEngineer({ client, handle: j.handle, engineer }).catch((e: unknown) => e);
      assert.ok(err instanceof MalformedResponseError, String(err));
      assert.match(err.message, /received\.nodes\.0\.number/);
      assert.match(err.message, /received\.nodes\.0\.reviewThreads/);
      assert.deepEqual(await j.handle.load(), before);
    } finally {
      j.dispose();
      await srv.close();
    }
  });

  it('an unreachable server -> NetworkError after retries', async () => {
    const srv = await replay(() => ({ status: 200, headers: {}, response: {} }));
    await srv.close();
    const client = createGitHubClient({ serverUrl: srv.url, getToken: async () => TOKEN, logger: recordingLogger(), retries: 1, retryBaseMs: 1 });
    await assert.rejects(getViewer(client), (e: unknown) => e instanceof NetworkError && e.message.includes(srv.url));
  });
});

describe('github/mutations against the sandbox', () => {
  it('edits own comments of each kind; someone else\'s -> ForbiddenError; a missing one -> NotFoundError', async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const client = createGitHubClient({ serverUrl: sandbox.url, getToken: async () => sandbox.tokenFor(DEMO_VIEWER), logger: recordingLogger() });
      const prs = sandbox.dataset.pullRequests;
      const rc = prs.flatMap((p) => p.threads.flatMap((t) => t.comments)).find((c) => c.author === DEMO_VIEWER)!;
      const ic = prs.flatMap((p) => p.comments).find((c) => c.author === DEMO_VIEWER)!;
      const rv = prs.flatMap((p) => p.reviews).find((r) => r.author === DEMO_VIEWER)!;
      const marker = '\n\n<!-- review-mentor: technical/testing -->';
      const [rcBody, icBody] = [rc.body, ic.body];
      assert.equal(await updateCommentBody(client, { id: rc.id, kind: 'review-comment', body: rcBody + marker }), rcBody + marker);
      assert.equal(await updateCommentBody(client, { id: ic.id, kind: 'conversation', body: icBody + marker }), icBody + marker);
      assert.equal(await updateCommentBody(client, { id: rv.id, kind: 'review-summary', body: 'LGTM' + marker }), 'LGTM' + marker);
      assert.ok(rc.body.endsWith(marker), 'the sandbox holds the edit');
      const other = prs.flatMap((p) => p.threads.flatMap((t) => t.comments)).find((c) => c.author !== DEMO_VIEWER)!;
      await assert.rejects(updateCommentBody(client, { id: other.id, kind: 'review-comment', body: 'x' }), (e: unknown) => e instanceof ForbiddenError && /only edit your own comments/.test(e.message));
      await assert.rejects(updateCommentBody(client, { id: 'PRRC_missing', kind: 'review-comment', body: 'x' }), NotFoundError);
    } finally {
      await sandbox.close();
    }
  });
});

// The fetch on Node's http/https that the client uses: what Octokit needs
// from it beyond a plain request (compressed bodies, redirects that must not
// carry the token to another host, cancellation, a proxy's refusal).
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { ProxyError } from '../../../src/github/errors';
import { createNodeFetch } from '../../../src/github/nodeFetch';

async function serve(handler: RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('github/nodeFetch', () => {
  const fetch = createNodeFetch();

  it('sends method, headers and body; decodes a gzip body; reports status, headers and url', async () => {
    let seen: { method?: string; headers?: IncomingHttpHeaders; body?: string } = {};
    const srv = await serve((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen = { method: req.method!, headers: req.headers, body };
        res.writeHead(201, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-ratelimit-remaining': '42' });
        res.end(gzipSync(JSON.stringify({ ok: true, echo: body })));
      });
    });
    try {
      const r = await fetch(`${srv.url}/api/graphql`, { method: 'POST', headers: { authorization: 'token t', 'content-type': 'application/json' }, body: '{"q":1}' });
      assert.equal(r.status, 201);
      assert.equal(r.url, `${srv.url}/api/graphql`);
      assert.equal(r.headers.get('x-ratelimit-remaining'), '42');
      assert.equal(r.headers.get('content-encoding'), null, 'decoded, so no longer gzip');
      assert.deepEqual(await r.json(), { ok: true, echo: '{"q":1}' });
      assert.equal(seen.method, 'POST');
      assert.equal(seen.headers?.authorization, 'token t');
      assert.match(String(seen.headers?.['accept-encoding']), /gzip/);
    } finally {
      await srv.close();
    }
  });

  it('follows a redirect, keeping the token on the same origin and dropping it for another', async () => {
    const auth: Record<string, string | undefined> = {};
    const other = await serve((req, res) => {
      auth['other'] = req.headers.authorization;
      res.end('there');
    });
    const srv = await serve((req, res) => {
      if (req.url === '/moved') return res.writeHead(301, { location: '/here' }).end();
      if (req.url === '/away') return res.writeHead(302, { location: `${other.url}/x` }).end();
      auth['same'] = req.headers.authorization;
      res.end('here');
    });
    try {
      assert.equal(await (await fetch(`${srv.url}/moved`, { headers: { authorization: 'token t' } })).text(), 'here');
      assert.equal(auth['same'], 'token t');
      const away = await fetch(`${srv.url}/away`, { headers: { authorization: 'token t' } });
      assert.equal(await away.text(), 'there');
      assert.equal(away.url, `${other.url}/x`);
      assert.equal(auth['other'], undefined, 'the token never goes to another host');
      const manual = await fetch(`${srv.url}/moved`, { redirect: 'manual' });
      assert.equal(manual.status, 301);
    } finally {
      await srv.close();
      await other.close();
    }
  });

  it('an abort signal cancels a request in flight with an AbortError', async () => {
    const srv = await serve(() => undefined); // never answers
    try {
      const abort = new AbortController();
      const pending = fetch(`${srv.url}/slow`, { signal: abort.signal });
      setTimeout(() => abort.abort(), 50);
      await assert.rejects(pending, (e: unknown) => e instanceof Error && e.name === 'AbortError');
      await assert.rejects(fetch(`${srv.url}/slow`, { signal: AbortSignal.abort() }), (e: unknown) => e instanceof Error && e.name === 'AbortError');
    } finally {
      await srv.close();
    }
  });

  it('a 407 is the proxy speaking, not GitHub: ProxyError', async () => {
    const srv = await serve((_req, res) => res.writeHead(407, 'Proxy Authentication Required', { 'proxy-authenticate': 'Basic realm="corp"' }).end());
    try {
      await assert.rejects(fetch(`${srv.url}/api/graphql`), (e: unknown) => e instanceof ProxyError && /the proxy refused the connection to 127\.0\.0\.1:\d+ \(HTTP 407 Proxy Authentication Required\)/.test(e.message));
    } finally {
      await srv.close();
    }
  });
});

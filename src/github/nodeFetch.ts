// The fetch Octokit uses, built on Node's http/https modules rather than the
// global fetch (undici). Why: inside VS Code the extension host patches
// http/https.request for `http.proxy`, `http.proxySupport`, the system proxy
// and `http.systemCertificates`, whatever other settings say; its patch of
// the global fetch works only while `http.fetchAdditionalSupport` is on.
// The CLI passes its own agents (proxy from the environment) and CA list.
// See docs/github-sync.md, "Transport".
import * as l10n from '@vscode/l10n';
import * as http from 'node:http';
import * as https from 'node:https';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { ProxyError } from './errors';

export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

export interface NodeFetchOptions {
  /** The agent for a request (the CLI's proxy agents); undefined leaves Node's global agent, which VS Code patches. */
  agentFor?: (url: URL) => http.Agent | undefined;
  /** Certificate authorities to trust instead of Node's defaults (the CLI's --ca-file, with the defaults added). */
  ca?: string[];
}

const MAX_REDIRECTS = 10;
const NULL_BODY = new Set([101, 204, 205, 304]);

export function createNodeFetch(opts: NodeFetchOptions = {}): FetchLike {
  return (input, init = {}) => send(new URL(String(input)), init, opts, 0);
}

async function send(url: URL, init: RequestInit, opts: NodeFetchOptions, redirects: number): Promise<Response> {
  const signal = init.signal ?? undefined;
  if (signal?.aborted) throw abortError();
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = Object.fromEntries(new Headers(init.headers ?? {}).entries());
  headers['accept-encoding'] ??= 'gzip, deflate, br';
  const body = bodyBytes(init.body);
  if (body) headers['content-length'] = String(body.byteLength);
  const secure = url.protocol === 'https:';
  if (!secure && url.protocol !== 'http:') throw new TypeError(`Cannot fetch ${url.protocol} URLs`);

  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const agent = opts.agentFor?.(url);
    const options: https.RequestOptions = { method, headers, ...(agent ? { agent } : {}), ...(secure && opts.ca ? { ca: opts.ca } : {}) };
    const req = (secure ? https : http).request(url, options, resolve);
    const onAbort = () => req.destroy(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    req.once('close', () => signal?.removeEventListener('abort', onAbort));
    req.once('error', reject);
    req.end(body);
  });

  const status = res.statusCode ?? 0;
  // An https request answered on a plain socket is the proxy's own answer to
  // CONNECT (the agent hands it over): the tunnel to GitHub was never opened.
  if ((secure && !(res.socket as { encrypted?: boolean } | null)?.encrypted) || status === 407) {
    res.resume();
    const answer = `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`;
    throw new ProxyError(status === 407 ? l10n.t('the proxy refused the connection to {0} ({1}): it asks for a user name and password, which go in the proxy URL', url.host, answer) : l10n.t('the proxy refused the connection to {0} ({1})', url.host, answer));
  }
  const location = res.headers.location;
  if (status >= 300 && status < 400 && status !== 304 && location && init.redirect !== 'manual') {
    res.resume();
    if (init.redirect === 'error') throw new TypeError(`${url.href} redirected to ${location}`);
    if (redirects >= MAX_REDIRECTS) throw new TypeError(`Too many redirects from ${url.href}`);
    const next = new URL(location, url);
    const keepBody = status === 307 || status === 308 || method === 'GET' || method === 'HEAD';
    const nextHeaders = new Headers(init.headers ?? {});
    if (next.origin !== url.origin) nextHeaders.delete('authorization'); // never hand the token to another host
    if (!keepBody) nextHeaders.delete('content-type');
    return send(next, { ...init, method: keepBody ? method : 'GET', body: keepBody ? init.body : undefined, headers: nextHeaders }, opts, redirects + 1);
  }

  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(name, v);
  }
  let stream: Readable = res;
  const decoder = decoderFor(res.headers['content-encoding']);
  if (decoder) {
    stream = res.pipe(decoder);
    res.once('error', (err) => decoder.destroy(err));
    responseHeaders.delete('content-encoding');
    responseHeaders.delete('content-length');
  }
  if (signal) {
    const onAbort = () => stream.destroy(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    stream.once('close', () => signal.removeEventListener('abort', onAbort));
  }
  const noBody = NULL_BODY.has(status) || method === 'HEAD';
  if (noBody) stream.resume();
  const response = new Response(noBody ? null : (Readable.toWeb(stream) as ReadableStream<Uint8Array>), { status, statusText: res.statusMessage ?? '', headers: responseHeaders });
  Object.defineProperty(response, 'url', { value: url.href });
  return response;
}

function bodyBytes(body: RequestInit['body']): Uint8Array | undefined {
  if (body == null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (body instanceof URLSearchParams) return Buffer.from(body.toString());
  throw new TypeError('Only string and byte bodies are supported');
}

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

function abortError(): DOMException {
  return new DOMException('This operation was aborted', 'AbortError');
}

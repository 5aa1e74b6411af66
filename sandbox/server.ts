// The sandbox GitHub's HTTP(S) server: GitHub Enterprise Server routes
// (POST /api/graphql, /api/v3/...), token auth, rate-limit headers, faults
// and the /_sandbox admin endpoints. Listens on 127.0.0.1 only.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Dataset } from '../src/demo/dataset';
import { DEMO_TOKEN, DEMO_VIEWER, generateDataset } from '../src/demo/generate';
import { hashString } from '../src/demo/prng';
import { Budgets, rateHeaders, type Resource } from './budget';
import { faultResponse, faultSchema, FaultQueue, type Fault } from './faults';
import { operationNameOf, runGraphQL, type GraphQLBody } from './graphql';
import { handleRest } from './rest';
import { Index } from './store';
import { addComment, deleteComment, editComment, resolveThread, touch, type NewComment } from './mutate';
import type { DatasetComment } from '../src/demo/dataset';
import { applyChanges, behaviourOf, behaviourSchema, changeSchema, setBehaviour } from './changes';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Seed for the generated dataset when `data` is not given. */
  seed?: number;
  data?: Dataset;
  /** Added to every response. */
  latencyMs?: number;
  host?: '127.0.0.1';
  /** Serve HTTPS with this key and certificate (PEM), e.g. from network.ts's test CA. */
  tls?: { key: string; cert: string };
  /** The host name in `url` (and in the web URLs it serves) when clients reach it by another name than 127.0.0.1, e.g. through a proxy. */
  hostname?: string;
  /** Clock for edits and rate-limit windows (tests). */
  now?: () => Date;
  /** The server's clock runs this far ahead (negative: behind) of `now`; see Sandbox.clockOffsetMs. */
  clockOffsetMs?: number;
  /** Default true; see Sandbox.editsBumpPr. */
  editsBumpPr?: boolean;
  /** Organisations whose data needs a SAML-authorised token; see Sandbox.ssoOrgs. */
  ssoOrgs?: string[];
}

export interface RequestLogEntry {
  time: string;
  kind: 'graphql' | 'rest';
  method: string;
  path: string;
  operationName?: string;
  status: number;
  /** GraphQL cost charged (0 when refused). */
  cost?: number;
  login?: string;
  fault?: Fault['kind'];
}

export interface Sandbox {
  /** The "GitHub Enterprise server URL", e.g. http://127.0.0.1:41234 (https://HOSTNAME:PORT with `tls` and `hostname`). */
  url: string;
  /** The port it listens on, at 127.0.0.1. */
  port: number;
  apiUrl: string;
  graphqlUrl: string;
  /** Live: changes show up in the next response. */
  dataset: Dataset;
  budgets: Budgets;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  requests(): RequestLogEntry[];
  resetRequests(): void;
  /** The token that signs in as `login` (DEMO_TOKEN for the demo viewer). */
  tokenFor(login: string): string;
  /** Edits a comment, review comment or review body as its author would. */
  editComment(id: string, body: string): void;
  /** Adds feedback to a PR (and bumps its updatedAt), as if someone commented. */
  addComment(input: NewComment): DatasetComment;
  /** Bumps a PR's updatedAt to now ("owner/name#n" or node id). */
  touch(pr: string): void;
  /** Resolves (or with false, unresolves) a review thread. */
  resolveThread(threadId: string, resolved?: boolean): void;
  /** Deletes a review comment, conversation comment or review. */
  deleteComment(id: string): void;
  /**
   * True (default): edits, thread resolution and deletions bump the PR's
   * updatedAt. False: they do not, which GitHub is free to do (it documents
   * no such promise), so sync must find them without the search.
   */
  editsBumpPr: boolean;
  /**
   * Organisations with SAML SSO the tokens are not authorised for: their PRs
   * come back as null search results and nodes with a FORBIDDEN saml_failure
   * error, and X-GitHub-SSO: partial-results; organizations=<ids>.
   */
  ssoOrgs: Set<string>;
  /** Server clock minus `now` (ms): the Date header, edit times and rate windows use the server clock. */
  clockOffsetMs: number;
  /** Called before each API request is answered (e.g. to change data between two pages of a sync); undefined removes it. */
  beforeRequest(fn: ((req: { operationName?: string; path: string }) => void) | undefined): void;
  close(): Promise<void>;
}

const MAX_BODY = 5 * 1024 * 1024;

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const clientNow = opts.now ?? (() => new Date());
  const now = () => new Date(clientNow().getTime() + sandbox.clockOffsetMs);
  let hook: ((req: { operationName?: string; path: string }) => void) | undefined;
  const faults = new FaultQueue();
  const budgets = new Budgets();
  let log: RequestLogEntry[] = [];

  const sandbox: Sandbox = {
    url: '',
    port: 0,
    apiUrl: '',
    graphqlUrl: '',
    dataset: opts.data ?? generateDataset(opts.seed !== undefined ? { seed: opts.seed } : {}),
    budgets,
    injectFault: (f) => faults.add(f),
    clearFaults: () => faults.clear(),
    requests: () => log.slice(),
    resetRequests: () => {
      log = [];
    },
    tokenFor: (login) => (login === viewerOf(sandbox.dataset) ? DEMO_TOKEN : `sandbox-token-${login}`),
    editComment: (id, body) => editComment(sandbox.dataset, id, body, now(), sandbox.editsBumpPr),
    addComment: (input) => addComment(sandbox.dataset, input, now()),
    touch: (pr) => touch(sandbox.dataset, pr, now()),
    resolveThread: (id, resolved = true) => resolveThread(sandbox.dataset, id, resolved, now(), sandbox.editsBumpPr),
    deleteComment: (id) => deleteComment(sandbox.dataset, id, now(), sandbox.editsBumpPr),
    editsBumpPr: opts.editsBumpPr ?? true,
    ssoOrgs: new Set(opts.ssoOrgs ?? []),
    clockOffsetMs: opts.clockOffsetMs ?? 0,
    beforeRequest: (fn) => {
      hook = fn;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const reqUrl = new URL(req.url ?? '/', 'http://sandbox');
    const path = reqUrl.pathname;
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    if (path.startsWith('/_sandbox/')) return admin(method, path, raw, res);
    if (opts.latencyMs) await sleep(opts.latencyMs);

    const kind: RequestLogEntry['kind'] = path === '/api/graphql' ? 'graphql' : 'rest';
    const resource: Resource = kind === 'graphql' ? 'graphql' : 'core';
    let parsed: unknown;
    let badJson = false;
    try {
      parsed = raw ? JSON.parse(raw) : undefined;
    } catch {
      badJson = true;
    }
    const operationName = kind === 'graphql' && parsed && typeof parsed === 'object' ? operationNameOf(parsed as GraphQLBody) : undefined;
    const login = authenticate(req.headers.authorization, sandbox.dataset);
    const entry: RequestLogEntry = { time: now().toISOString(), kind, method, path, ...(operationName ? { operationName } : {}), status: 0, ...(login ? { login } : {}) };
    log.push(entry);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      const usage = rateHeaders(budgets.usage(login ?? '', resource, now().getTime()));
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', date: now().toUTCString(), ...usage, ...headers });
      res.end(status === 204 ? undefined : JSON.stringify(body));
    };

    hook?.({ ...(operationName ? { operationName } : {}), path });
    let fault = faults.take({ ...(operationName ? { operationName } : {}), path });
    if (fault?.kind === 'slow') {
      entry.fault = 'slow';
      await sleep(fault.delayMs ?? 2000);
      fault = undefined;
    }
    if (fault?.kind === 'drop') {
      entry.fault = 'drop';
      req.socket.destroy();
      return;
    }
    if (fault) {
      entry.fault = fault.kind;
      const r = faultResponse(fault, kind, now().getTime(), userId(login ?? ''));
      return send(r.status, r.body, r.headers);
    }
    if (!login) {
      return send(401, { message: req.headers.authorization ? 'Bad credentials' : 'Requires authentication', documentation_url: 'https://docs.github.com/rest', status: '401' });
    }
    if (badJson) return send(400, { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest' });

    const ctx = { viewer: login, baseUrl: sandbox.url, index: new Index(sandbox.dataset), editsBumpPr: sandbox.editsBumpPr, ssoOrgs: sandbox.ssoOrgs };
    if (kind === 'graphql') {
      if (method !== 'POST') return send(404, { message: 'Not Found' });
      const out = runGraphQL((parsed ?? {}) as GraphQLBody, ctx, budgets, now, userId(login));
      entry.cost = out.cost ?? 0;
      return send(out.status, out.body, { ...(out.cost === 0 ? { 'x-ratelimit-remaining': '0' } : {}), ...out.headers });
    }
    if (!path.startsWith('/api/v3')) return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    const t = now().getTime();
    if (!budgets.charge(login, 'core', 1, t)) {
      return send(403, { message: `API rate limit exceeded for user ID ${userId(login)}.`, documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api', status: '403' });
    }
    const rates = { core: usageJson(budgets, login, 'core', t), graphql: usageJson(budgets, login, 'graphql', t) };
    const out = handleRest(ctx, method, path, parsed, now(), rates, reqUrl.searchParams);
    return send(out.status, out.body, out.headers);
  };

  const admin = (method: string, path: string, raw: string, res: ServerResponse): void => {
    const reply = (status: number, body?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const route = `${method} ${path.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET /_sandbox/faults':
        return reply(200, faults.list());
      case 'POST /_sandbox/faults': {
        let input: unknown;
        try {
          input = JSON.parse(raw);
        } catch {
          return reply(400, { message: 'Body must be JSON: a fault or a list of faults.' });
        }
        const parsed = faultSchema.array().safeParse(Array.isArray(input) ? input : [input]);
        if (!parsed.success) return reply(400, { message: 'Invalid fault', issues: parsed.error.issues });
        parsed.data.forEach((f) => faults.add(f));
        return reply(200, faults.list());
      }
      case 'DELETE /_sandbox/faults':
        faults.clear();
        return reply(204);
      case 'GET /_sandbox/requests':
        return reply(200, log);
      case 'POST /_sandbox/reset-requests':
        log = [];
        return reply(204);
      case 'GET /_sandbox/data':
        return reply(200, sandbox.dataset);
      case 'POST /_sandbox/changes': {
        const parsed = changeSchema.array().safeParse(jsonOrUndefined(raw, true));
        if (!parsed.success) return reply(400, { message: 'Invalid change: a change or a list of changes ({op: edit|delete|resolve|touch|add, ...})', issues: parsed.error.issues });
        try {
          return reply(200, { added: applyChanges(sandbox, parsed.data) });
        } catch (err) {
          return reply(404, { message: err instanceof Error ? err.message : String(err) });
        }
      }
      case 'GET /_sandbox/behaviour':
        return reply(200, behaviourOf(sandbox));
      case 'PATCH /_sandbox/behaviour': {
        const parsed = behaviourSchema.safeParse(jsonOrUndefined(raw, false));
        if (!parsed.success) return reply(400, { message: 'Invalid behaviour: { editsBumpPr?, clockOffsetMs?, ssoOrgs? }', issues: parsed.error.issues });
        return reply(200, setBehaviour(sandbox, parsed.data));
      }
      default:
        return reply(404, { message: `Unknown admin route ${route}` });
    }
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `sandbox error: ${err instanceof Error ? err.message : String(err)}` }));
    });
  };
  const server = opts.tls ? createHttpsServer({ key: opts.tls.key, cert: opts.tls.cert }, listener) : createServer(listener);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  sandbox.port = port;
  sandbox.url = `${opts.tls ? 'https' : 'http'}://${opts.hostname ?? host}:${port}`;
  sandbox.apiUrl = `${sandbox.url}/api/v3`;
  sandbox.graphqlUrl = `${sandbox.url}/api/graphql`;
  return sandbox;
}

/** The demo token's user: DEMO_VIEWER, or the first human in a custom dataset. */
function viewerOf(dataset: Dataset): string {
  return dataset.users.find((u) => u.login === DEMO_VIEWER)?.login ?? dataset.users.find((u) => u.type === 'User')?.login ?? DEMO_VIEWER;
}

/** `token X` or `bearer X`: demo-token, or sandbox-token-<login> for a dataset user. */
function authenticate(header: string | undefined, dataset: Dataset): string | undefined {
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header?.trim() ?? '');
  if (!m) return undefined;
  const token = m[1]!;
  if (token === DEMO_TOKEN) return viewerOf(dataset);
  const login = token.startsWith('sandbox-token-') ? token.slice('sandbox-token-'.length) : undefined;
  return login ? dataset.users.find((u) => u.login.toLowerCase() === login.toLowerCase())?.login : undefined;
}

function usageJson(budgets: Budgets, login: string, resource: Resource, t: number) {
  const u = budgets.usage(login, resource, t);
  return { limit: u.limit, used: u.used, remaining: u.remaining, reset: u.reset, resource };
}

const userId = (login: string) => hashString(login.toLowerCase()) % 100_000_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The JSON body, wrapped in a list when `list` and it is not one; undefined when it is not JSON (the schema then says what is wrong). */
function jsonOrUndefined(raw: string, list: boolean): unknown {
  try {
    const v: unknown = JSON.parse(raw);
    return list && !Array.isArray(v) ? [v] : v;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// GitHub access: Octokit with the throttling and retry plugins, pointed at
// github.com, GitHub Enterprise Cloud (SUBDOMAIN.ghe.com) or a GitHub
// Enterprise Server root (src/core/githubEndpoints.ts), sending through Node's
// http/https (nodeFetch.ts: VS Code's proxy support). GraphQL goes through
// `octokit.request` (not `octokit.graphql`) so partial data with per-node
// errors survives, and so every failure is mapped to one typed error here.
import { Octokit } from '@octokit/rest';
import { throttling } from '@octokit/plugin-throttling';
import { retry } from '@octokit/plugin-retry';
// The plugin's own (untyped) light build; its types come from the main entry.
// @ts-expect-error no declaration file for the light build
import BottleneckLight from 'bottleneck/light.js';
import type BottleneckType from 'bottleneck';
const Bottleneck = BottleneckLight as typeof BottleneckType;
import { z } from 'zod';
import { resolveGitHubEndpoints, type GitHubKind } from '../core/githubEndpoints';
import { CancelledError } from './errors';
import { mapRequestError, rateLimitFromGraphQL, type GraphQLErrorShape } from './httpErrors';
import { connectionError, editorCertificateAdvice, isPermanent } from './networkErrors';
import { createNodeFetch, type FetchLike } from './nodeFetch';
import { VIEWER_QUERY } from './queries';
import { parseResponse, viewerSchema } from './schemas';

export interface GitHubLogger {
  info(m: string): void;
  warn(m: string): void;
  error(m: string): void;
}

export interface RateLimitInfo {
  resetAt: Date;
  kind: 'primary' | 'secondary';
}

export interface GitHubClientOptions {
  /** '' = github.com; else https://SUBDOMAIN.ghe.com or a GHE Server root such as https://ghe.example.com (see resolveGitHubEndpoints). */
  serverUrl: string;
  getToken: () => Promise<string | undefined>;
  logger: GitHubLogger;
  userAgent?: string;
  /** Told when a rate limit is being waited out, so the UI can say "resumes at HH:MM". */
  onRateLimit?: (info: RateLimitInfo) => void;
  /** Longest rate-limit wait taken automatically (once); longer ones fail with RateLimitError. Default 60 s. */
  maxRateLimitWaitMs?: number;
  /** Retries for 5xx and dropped connections (default 3), with backoff base (default 1000 ms; delay = base × n²). */
  retries?: number;
  retryBaseMs?: number;
  /** Minimum gap between GraphQL/POST requests (default 0; GitHub asks for 1 s between mutations, which are rare and user-driven). */
  minWriteIntervalMs?: number;
  /** Transport (default: Node's http/https with global agents, which VS Code patches for its proxy and certificate settings). */
  fetch?: FetchLike;
  /** What an untrusted-certificate error tells the user to do (the CLI names NODE_EXTRA_CA_CERTS and --ca-file). */
  certificateAdvice?: string;
}

export interface GraphQLResult<T> {
  data: T;
  /** Per-node errors that came with partial data (e.g. NOT_FOUND, or FORBIDDEN for SSO). */
  errors: GraphQLErrorShape[];
  /** GitHub's clock, from the response's Date header (sync's cursor uses it, never this machine's). */
  serverDate?: Date;
  /** The X-GitHub-SSO header: which organisations hid data because the token is not SAML-authorised. */
  sso?: string;
}

export interface GitHubClient {
  readonly serverUrl: string;
  readonly kind: GitHubKind;
  /** Web root: PR and comment links start here. */
  readonly webUrl: string;
  readonly apiUrl: string;
  readonly graphqlUrl: string;
  /** Host name used to key journals: github.com, SUBDOMAIN.ghe.com or the GHE Server host[:port]. */
  readonly host: string;
  /** Runs one GraphQL document. Throws typed errors; returns partial data with node errors. */
  graphql<T = unknown>(operation: string, query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<GraphQLResult<T>>;
  /** Counters since creation: HTTP requests sent (retries included) and GraphQL cost reported. */
  readonly stats: { requests: number; graphqlCost: number };
  readonly octokit: Octokit;
}

/**
 * A failure no retry can mend (an untrusted certificate, a proxy that refuses)
 * is marked as not to be retried. Registered before the retry plugin, so its
 * error hook sees the failure first.
 */
function permanentFailures(octokit: Pick<Octokit, 'hook'>) {
  octokit.hook.error('request', (error, options) => {
    const e = error as { status?: number; response?: unknown };
    if (!e.response && typeof e.status === 'number' && isPermanent(connectionError(error, String(options.url), '', String))) {
      (options.request as { retries?: number }).retries = 0;
    }
    throw error;
  });
}

const ThrottledOctokit = Octokit.plugin(permanentFailures, throttling, retry);

export function createGitHubClient(opts: GitHubClientOptions): GitHubClient {
  const { serverUrl, kind, webUrl, apiUrl, graphqlUrl, host } = resolveGitHubEndpoints(opts.serverUrl);
  const certificateAdvice = opts.certificateAdvice ?? editorCertificateAdvice();
  const maxWaitMs = opts.maxRateLimitWaitMs ?? 60_000;
  const stats = { requests: 0, graphqlCost: 0 };
  const redact = makeRedactor();
  const log = {
    debug: () => undefined,
    info: () => undefined,
    warn: (m: string) => opts.logger.warn(redact(String(m))),
    // plugin-request-log reports each failed request here; the typed error that
    // follows says what matters, so these are kept at info level.
    error: (m: string) => (/^[A-Z]+ \S+ - \d+ with id /.test(String(m)) ? opts.logger.info : opts.logger.error)(redact(String(m))),
  };
  // One rate-limit wait per request: a second hit means the estimate was wrong.
  const onLimit = (kind: 'primary' | 'secondary') => (retryAfterSeconds: number, options: { method?: string; url?: string }, _o: unknown, retryCount: number) => {
    const resetAt = new Date(Date.now() + retryAfterSeconds * 1000);
    if (retryCount >= 1 || retryAfterSeconds * 1000 > maxWaitMs) return false;
    opts.logger.warn(`GitHub ${kind} rate limit on ${options.method ?? ''} ${pathOf(options.url)}; waiting until ${resetAt.toISOString()}.`);
    opts.onRateLimit?.({ resetAt, kind });
    return true;
  };
  const baseFetch: FetchLike = opts.fetch ?? createNodeFetch();
  const octokit = new ThrottledOctokit({
    baseUrl: apiUrl,
    userAgent: opts.userAgent ?? 'review-mentor',
    log,
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      fallbackSecondaryRateRetryAfter: 60,
      // The plugin's shared default spaces every POST (GraphQL included) 1 s apart.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: opts.minWriteIntervalMs ?? 0 }),
    },
    // 429 is a rate limit: the throttling hook (which honours Retry-After) decides, never a quick retry.
    retry: { retries: opts.retries ?? 3, retryAfterBaseValue: opts.retryBaseMs ?? 1000, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    // Counted at the fetch, below the retry and throttling plugins, so every retry counts
    // (a hook on "request" sits above them and sees one call however often it is retried).
    request: {
      fetch: (input: string | URL, init?: RequestInit) => {
        stats.requests++;
        return baseFetch(input, init);
      },
    },
  });
  octokit.hook.before('request', async (options) => {
    const token = await opts.getToken();
    redact.add(token);
    if (token) options.headers['authorization'] = `token ${token}`;
  });

  const graphql = async <T>(operation: string, query: string, variables: Record<string, unknown>, signal?: AbortSignal, waited = false): Promise<GraphQLResult<T>> => {
    if (signal?.aborted) throw new CancelledError();
    let response: { data: unknown; headers: Record<string, string | number | undefined> };
    try {
      response = (await octokit.request({ method: 'POST', url: graphqlUrl, query, variables, operationName: operation, request: signal ? { signal } : {} })) as typeof response;
    } catch (err) {
      if (signal?.aborted) throw new CancelledError();
      throw mapRequestError(err, graphqlUrl, redact, 'the request', certificateAdvice);
    }
    const body = parseResponse(operation, graphqlEnvelope, response.data);
    const errors = body.errors ?? [];
    // GraphQL's primary limit is a 200 with RATE_LIMITED; the throttling
    // plugin only spots it at github.com's /graphql path, not GHE's /api/graphql.
    const limited = rateLimitFromGraphQL(errors, response.headers);
    if (limited) {
      const waitMs = limited.resetAt.getTime() - Date.now() + 1000;
      if (waited || waitMs > maxWaitMs) throw limited;
      opts.logger.warn(`GitHub GraphQL rate limit; waiting until ${limited.resetAt.toISOString()}.`);
      opts.onRateLimit?.({ resetAt: limited.resetAt, kind: 'primary' });
      await sleep(Math.max(0, waitMs), signal);
      return graphql<T>(operation, query, variables, signal, true);
    }
    if (body.data == null) throw mapRequestError({ graphqlErrors: errors }, graphqlUrl, redact, operation);
    const cost = (body.data as { rateLimit?: { cost?: unknown } }).rateLimit?.cost;
    if (typeof cost === 'number') stats.graphqlCost += cost;
    const date = Date.parse(String(response.headers['date'] ?? ''));
    const sso = response.headers['x-github-sso'];
    return { data: body.data as T, errors, ...(Number.isFinite(date) ? { serverDate: new Date(date) } : {}), ...(sso ? { sso: String(sso) } : {}) };
  };

  return { serverUrl, kind, webUrl, apiUrl, graphqlUrl, host, graphql, stats, octokit };
}

/** Login of the signed-in user. */
export async function getViewer(client: GitHubClient, signal?: AbortSignal): Promise<string> {
  const { data } = await client.graphql('ReviewMentorViewer', VIEWER_QUERY, {}, signal);
  return parseResponse('ReviewMentorViewer', viewerSchema, data).viewer.login;
}

const graphqlEnvelope = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z
    .array(z.object({ type: z.string().optional(), message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional(), extensions: z.record(z.string(), z.unknown()).optional() }))
    .optional(),
});

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? '', 'http://x').pathname;
  } catch {
    return '';
  }
}

/** Removes every token seen so far from a string bound for a log or an error. */
function makeRedactor(): ((s: string) => string) & { add(t: string | undefined): void } {
  const tokens = new Set<string>();
  const fn = ((s: string) => {
    let out = s;
    for (const t of tokens) out = out.split(t).join('[token]');
    return out;
  }) as ((s: string) => string) & { add(t: string | undefined): void };
  fn.add = (t) => {
    if (t && t.length >= 4) tokens.add(t);
  };
  return fn;
}

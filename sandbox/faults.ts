// Faults on demand: the next matching request(s) fail the way GitHub fails.
// A fault applies to `times` requests (default 1) whose GraphQL operation name
// or REST path contains `match` (any request when absent).
import { z } from 'zod';

export const faultSchema = z.object({
  kind: z.enum(['unauthorized', 'rate-limit', 'secondary-rate-limit', 'not-found', 'server-error', 'slow', 'drop']),
  times: z.number().int().positive().optional(),
  match: z.string().optional(),
  /** rate-limit: seconds until x-ratelimit-reset (default 60). */
  resetSeconds: z.number().nonnegative().optional(),
  /** secondary-rate-limit: retry-after seconds (default 1). */
  retryAfterSeconds: z.number().nonnegative().optional(),
  /** secondary-rate-limit: 403 (default) or 429; server-error: 500, 502 (default), 503, 504. */
  status: z.number().int().optional(),
  /** slow: delay before answering normally (default 2000). */
  delayMs: z.number().nonnegative().optional(),
});

export type Fault = z.infer<typeof faultSchema>;

interface Pending {
  fault: Fault;
  left: number;
}

export class FaultQueue {
  private pending: Pending[] = [];

  add(fault: Fault): void {
    this.pending.push({ fault: faultSchema.parse(fault), left: fault.times ?? 1 });
  }

  clear(): void {
    this.pending = [];
  }

  list(): Fault[] {
    return this.pending.map((p) => ({ ...p.fault, times: p.left }));
  }

  /** The first fault that matches this request, used up by one. */
  take(target: { operationName?: string; path: string }): Fault | undefined {
    const i = this.pending.findIndex((p) => !p.fault.match || (target.operationName ?? '').includes(p.fault.match) || target.path.includes(p.fault.match));
    if (i < 0) return undefined;
    const p = this.pending[i]!;
    if (--p.left <= 0) this.pending.splice(i, 1);
    return p.fault;
  }
}

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const DOCS = 'https://docs.github.com';

/** The response GitHub sends for a fault (slow and drop are handled by the server). */
export function faultResponse(fault: Fault, kind: 'graphql' | 'rest', nowMs: number, userId: number): FaultResponse {
  switch (fault.kind) {
    case 'unauthorized':
      return { status: 401, headers: {}, body: { message: 'Bad credentials', documentation_url: `${DOCS}/rest`, status: '401' } };
    case 'rate-limit': {
      const reset = Math.ceil(nowMs / 1000 + (fault.resetSeconds ?? 60));
      return {
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        body: { message: `API rate limit exceeded for user ID ${userId}. If you reach out to GitHub Support for help, please include the request ID ${requestId(nowMs)}.`, documentation_url: `${DOCS}/rest/overview/rate-limits-for-the-rest-api`, status: '403' },
      };
    }
    case 'secondary-rate-limit':
      return {
        status: fault.status === 429 ? 429 : 403,
        headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
        body: { message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId(nowMs)}.`, documentation_url: `${DOCS}/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`, status: String(fault.status === 429 ? 429 : 403) },
      };
    case 'not-found':
      return { status: 404, headers: {}, body: { message: 'Not Found', documentation_url: `${DOCS}/rest`, status: '404' } };
    case 'server-error': {
      const status = fault.status ?? 502;
      const body = kind === 'graphql' ? { data: null, errors: [{ message: 'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include `' + requestId(nowMs) + '` when reporting this issue.' }] } : { message: 'Server Error' };
      return { status, headers: {}, body };
    }
    default:
      throw new Error(`fault ${fault.kind} has no response body`);
  }
}

function requestId(nowMs: number): string {
  return `A1B2:${(nowMs % 0xffffff).toString(16).toUpperCase()}:SANDBOX`;
}

// Hourly rate-limit budgets per user, like GitHub's: 5,000 points for GraphQL
// (charged by query cost) and 5,000 requests for REST ("core").
export const HOURLY_LIMIT = 5000;
const HOUR = 3_600_000;

export type Resource = 'graphql' | 'core';

export interface Usage {
  limit: number;
  used: number;
  remaining: number;
  /** Epoch seconds when the window resets. */
  reset: number;
  resource: Resource;
}

export class Budgets {
  private readonly windows = new Map<string, { start: number; used: Record<Resource, number> }>();

  private window(login: string, now: number) {
    const key = login.toLowerCase();
    let w = this.windows.get(key);
    if (!w || now - w.start >= HOUR) {
      w = { start: now, used: { graphql: 0, core: 0 } };
      this.windows.set(key, w);
    }
    return w;
  }

  usage(login: string, resource: Resource, now: number): Usage {
    const w = this.window(login, now);
    const used = w.used[resource];
    return { limit: HOURLY_LIMIT, used, remaining: Math.max(0, HOURLY_LIMIT - used), reset: Math.ceil((w.start + HOUR) / 1000), resource };
  }

  /** Charges `points` if they fit; returns false (charging nothing) if not. */
  charge(login: string, resource: Resource, points: number, now: number): boolean {
    const w = this.window(login, now);
    if (w.used[resource] + points > HOURLY_LIMIT) return false;
    w.used[resource] += points;
    return true;
  }

  /** Tests: pretend `used` points are already spent this hour. */
  setUsed(login: string, resource: Resource, used: number, now: number): void {
    this.window(login, now).used[resource] = used;
  }
}

export function rateHeaders(u: Usage): Record<string, string> {
  return {
    'x-ratelimit-limit': String(u.limit),
    'x-ratelimit-remaining': String(u.remaining),
    'x-ratelimit-reset': String(u.reset),
    'x-ratelimit-used': String(u.used),
    'x-ratelimit-resource': u.resource,
  };
}

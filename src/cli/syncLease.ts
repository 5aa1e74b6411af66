// The CLI takes the same sync lease as the editor's windows (src/store/lease.ts),
// so a `review-mentor sync` and a VS Code window never sync one engineer at
// once. A window holding it is waited for: a terminal run or a scheduled job
// would rather sync a little later than not at all. Windows that find the CLI
// holding it skip that engineer and show its writes as they land.
import type { LeaseResult } from '../store/lease';

export interface Lease {
  acquire(): Promise<LeaseResult>;
  release(): Promise<void>;
}

export interface WaitOptions {
  /** Says once that the run waits, and for whom. */
  say(message: string): void;
  signal?: AbortSignal;
  /** Give up after this long (default 10 minutes: longer than any sync a window keeps renewing). */
  maxWaitMs?: number;
  pollMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export type Taken = { ok: true } | { ok: false; holder: string };

/** Takes `lease` for `login`, waiting while someone else holds it. */
export async function takeLease(lease: Lease, login: string, o: WaitOptions): Promise<Taken> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const until = now() + (o.maxWaitMs ?? 600_000);
  let said = false;
  for (;;) {
    const r = await lease.acquire();
    if (r.ok) return { ok: true };
    if (o.signal?.aborted || now() >= until) return { ok: false, holder: r.holder };
    if (!said) {
      o.say(`${login} is being synced by ${r.holder}; waiting for it to finish…`);
      said = true;
    }
    await sleep(o.pollMs ?? 1_000);
  }
}

/** Renews the lease while `work` runs (a window takes over a lease not renewed for its time to live), then gives it up. */
export async function holdingLease<T>(lease: Lease, work: () => Promise<T>, renewEveryMs = 30_000): Promise<T> {
  const renew = setInterval(() => void lease.acquire().catch(() => undefined), renewEveryMs);
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await lease.release().catch(() => undefined);
  }
}

// Syncs engineer after engineer so that each fails alone: a tracked login that
// was renamed, or a journal that is read-only, is reported for that engineer
// and the others still sync. Only what concerns everyone stops the run: the
// sign-in refused, a rate limit, GitHub unreachable, cancel. No `vscode` here.
import type { EngineerRef } from '../../core/model';
import { AuthError, CancelledError, NetworkError, RateLimitError } from '../../github/errors';
import type { SyncResult } from '../../github/sync';
import type { LeaseResult } from '../../store';

export type EngineerOutcome =
  | { engineer: EngineerRef; kind: 'synced'; result: SyncResult }
  | { engineer: EngineerRef; kind: 'failed'; message: string }
  /** Another window holds the engineer's sync lease; its writes reach this window through the file watcher. */
  | { engineer: EngineerRef; kind: 'elsewhere'; holder: string };

export function stopsEveryone(err: unknown): boolean {
  const cancelled = err instanceof CancelledError || (err instanceof Error && err.name === 'AbortError');
  return cancelled || err instanceof AuthError || err instanceof RateLimitError || err instanceof NetworkError;
}

export interface SyncAllDeps {
  syncOne(engineer: EngineerRef): Promise<SyncResult>;
  /** The engineer's lease; absent: no lease (tests, CLI). */
  lease?(engineer: EngineerRef): { acquire(): Promise<LeaseResult>; release(): Promise<void> };
  /** How often a held lease is renewed while its sync runs. */
  renewEveryMs?: number;
  onError?(engineer: EngineerRef, message: string): void;
}

export async function syncEveryone(engineers: readonly EngineerRef[], deps: SyncAllDeps): Promise<EngineerOutcome[]> {
  const out: EngineerOutcome[] = [];
  for (const engineer of engineers) {
    const lease = deps.lease?.(engineer);
    if (lease) {
      const got = await lease.acquire();
      if (!got.ok) {
        out.push({ engineer, kind: 'elsewhere', holder: got.holder });
        continue;
      }
    }
    const renew = lease ? setInterval(() => void lease.acquire().catch(() => undefined), deps.renewEveryMs ?? 30_000) : undefined;
    try {
      out.push({ engineer, kind: 'synced', result: await deps.syncOne(engineer) });
    } catch (err) {
      if (stopsEveryone(err)) throw err;
      const message = err instanceof Error ? err.message : String(err);
      deps.onError?.(engineer, message);
      out.push({ engineer, kind: 'failed', message });
    } finally {
      if (renew) clearInterval(renew);
      await lease?.release().catch(() => undefined);
    }
  }
  return out;
}

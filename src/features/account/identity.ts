// What a failed identity check means, and when to check again. Kept free of
// `vscode` so the rules are tested in plain Node:
// - only GitHub refusing the token (401, revoked) signs the user out; the
//   network, a server error or a rate limit keep the identity last seen
//   ("offline") and the check is retried with backoff;
// - a start-up check that finishes after a sign-in made meanwhile must not
//   undo it: every sign-in, sign-out and check takes a ticket, and only the
//   latest ticket may change who is signed in.
import { AuthError } from '../../github/errors';

export type FailedCheck = { kind: 'refused'; reason: string } | { kind: 'unreachable'; reason: string };

export function outcomeOfError(err: unknown): FailedCheck {
  const reason = err instanceof Error ? err.message : String(err);
  return err instanceof AuthError ? { kind: 'refused', reason } : { kind: 'unreachable', reason };
}

/** Retry delays for an identity check or a sync that could not reach GitHub: 5 s, 10 s, 20 s ... at most 5 min. */
export function backoffMs(attempt: number, baseMs = 5_000, maxMs = 300_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}

/** Tickets: a result may be applied only while its ticket is the latest. */
export class Tickets {
  private latest = 0;

  take(): number {
    return ++this.latest;
  }

  isLatest(ticket: number): boolean {
    return ticket === this.latest;
  }
}

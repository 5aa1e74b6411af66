// Which engineer the views show, decided once the signed-in identity is
// known. After a window reload sign-in takes seconds (a network round trip);
// until then the identity cached from the last session stands in, and with
// no cache nothing is shown ("Signing in…") rather than someone else's
// feedback under the wrong name. Pure: no `vscode`.
import { sameLogin, type EngineerRef } from './model';

/** known: sign-in has answered; cached: last session's identity, not yet confirmed; unknown: still signing in. */
export type IdentityState = 'known' | 'cached' | 'unknown';

export interface SelectionInput {
  /** The engineer shown last (saved across reloads). */
  saved?: EngineerRef;
  /** The signed-in engineer, confirmed or cached. */
  me?: EngineerRef;
  identity: IdentityState;
  tracked: readonly EngineerRef[];
  demo: readonly EngineerRef[];
  /** The demo journals on disk have been listed (they load after activation). */
  demoListed: boolean;
}

export type Selection =
  | { kind: 'engineer'; engineer: EngineerRef }
  | { kind: 'waiting'; reason: 'signing-in' | 'loading' }
  | { kind: 'none' };

export function sameEngineer(a: EngineerRef | undefined, b: EngineerRef | undefined): boolean {
  return !!a && !!b && a.host === b.host && sameLogin(a.login, b.login);
}

/** Everyone who can be shown, the signed-in engineer first. */
export function everyone(i: Pick<SelectionInput, 'me' | 'tracked' | 'demo'>): EngineerRef[] {
  const out: EngineerRef[] = i.me ? [i.me] : [];
  for (const e of [...i.tracked, ...i.demo]) if (!out.some((x) => sameEngineer(x, e))) out.push(e);
  return out;
}

export function chooseEngineer(i: SelectionInput): Selection {
  const all = everyone(i);
  const saved = i.saved ? all.find((e) => sameEngineer(e, i.saved)) : undefined;
  if (saved) return { kind: 'engineer', engineer: saved };
  // Whoever else is on the list, the view would show them under a name that
  // may be wrong: wait for sign-in to say who "me" is.
  if (i.identity === 'unknown') return { kind: 'waiting', reason: 'signing-in' };
  // The last engineer shown was from the demo team, which is still loading.
  if (i.saved && !i.demoListed) return { kind: 'waiting', reason: 'loading' };
  const first = all[0];
  return first ? { kind: 'engineer', engineer: first } : { kind: 'none' };
}

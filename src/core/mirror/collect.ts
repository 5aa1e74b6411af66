// The comments a reviewer gave, gathered from every journal at hand: their
// own (what they gave) and the journals of engineers they track (what those
// engineers received from them). One comment can sit in several journals; it
// is counted once, by its GitHub id. A comment deleted on GitHub ("deleted on
// GitHub" stub in any journal) is not counted.
import { effectiveTags, isGivenBy, sameLogin, type Feedback, type Journal } from '../model';

export interface GivenFeedback {
  /** One copy per comment id, oldest first. */
  items: Feedback[];
  /** Comments found only in other engineers' journals. */
  onlyInOthers: number;
  /** Logins of the journals that held at least one of the comments. */
  journals: string[];
}

interface Copy {
  f: Feedback;
  own: boolean;
  syncedUntil: string;
}

/**
 * Merging copies of one comment: the reviewer's own copy is the base (else the
 * copy from the journal synced last); counted
 * tags come from the first copy that has any (own first), so the reviewer's
 * own tagging wins; thread state (resolved, outdated) comes from the journal
 * synced most recently, since it changes on GitHub without the comment changing.
 */
export function collectGiven(reviewer: string, journals: readonly Journal[]): GivenFeedback {
  const copies = new Map<string, Copy[]>();
  const sources = new Set<string>();
  // Own journal first, then the most recently synced: the order copies are preferred in, whatever order the journals came in.
  const ordered = [...journals].sort(
    (a, b) =>
      Number(sameLogin(b.engineer.login, reviewer)) - Number(sameLogin(a.engineer.login, reviewer)) ||
      (b.syncedUntil ?? '').localeCompare(a.syncedUntil ?? '') ||
      a.engineer.login.localeCompare(b.engineer.login),
  );
  for (const j of ordered) {
    const own = sameLogin(j.engineer.login, reviewer);
    for (const f of Object.values(j.feedback)) {
      if (!isGivenBy(f, reviewer)) continue;
      sources.add(j.engineer.login);
      const list = copies.get(f.id) ?? [];
      list.push({ f, own, syncedUntil: j.syncedUntil ?? '' });
      copies.set(f.id, list);
    }
  }
  const items: Feedback[] = [];
  let onlyInOthers = 0;
  for (const list of copies.values()) {
    // Deleted on GitHub: one journal's stub is enough (a deletion is final; other journals may not have synced since).
    if (list.some((c) => c.f.deletedOnGitHubAt)) continue;
    if (!list.some((c) => c.own)) onlyInOthers++;
    items.push(merge(list));
  }
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { items, onlyInOthers, journals: [...sources].sort((a, b) => Number(sameLogin(b, reviewer)) - Number(sameLogin(a, reviewer)) || a.localeCompare(b)) };
}

function merge(list: Copy[]): Feedback {
  const base = list[0]!.f;
  if (list.length === 1) return base;
  const tagged = list.find((c) => effectiveTags(c.f).length > 0)?.f ?? base;
  const freshest = list.reduce((a, b) => (b.syncedUntil > a.syncedUntil ? b : a)).f;
  const out: Feedback = { ...base, tags: tagged.tags, isResolved: freshest.isResolved };
  if (freshest.isOutdated !== undefined) out.isOutdated = freshest.isOutdated;
  else delete out.isOutdated;
  if (!out.conventional) {
    const labelled = list.find((c) => c.f.conventional)?.f.conventional;
    if (labelled) out.conventional = labelled;
  }
  return out;
}

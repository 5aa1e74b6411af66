// Timeline filtering and sorting, pure so it is unit tested in Node.
import { categoriesOf, UNTAGGED } from '../../src/core/journalStats';
import { isGivenBy, isReceivedBy, sameLogin, type Feedback } from '../../src/core/model';
import type { TimelineFilters } from '../../src/protocol';

/** Lower-cased search text per item, computed once per snapshot. */
export type SearchIndex = WeakMap<Feedback, string>;

function haystack(f: Feedback, index: SearchIndex): string {
  let s = index.get(f);
  if (s === undefined) {
    s = `${f.body}\n${f.reviewer}\n${f.repo}\n${f.prTitle ?? ''}\n${f.path ?? ''}`.toLowerCase();
    index.set(f, s);
  }
  return s;
}

export function filterFeedback(items: readonly Feedback[], filters: TimelineFilters, login: string, index: SearchIndex): Feedback[] {
  const text = filters.text.trim().toLowerCase();
  const out = items.filter((f) => {
    if (filters.direction === 'received' && !isReceivedBy(f, login)) return false;
    if (filters.direction === 'given' && !isGivenBy(f, login)) return false;
    if (filters.reviewer && !sameLogin(f.reviewer, filters.reviewer)) return false;
    if (filters.repo && f.repo !== filters.repo) return false;
    if (filters.category) {
      const cats = categoriesOf(f);
      if (filters.category === UNTAGGED ? cats.length > 0 : !cats.includes(filters.category)) return false;
    }
    return text === '' || haystack(f, index).includes(text);
  });
  // Newest first; ISO timestamps sort as strings.
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** Distinct values for the reviewer and repo pickers, most frequent first. */
export function facetValues(items: readonly Feedback[], key: 'reviewer' | 'repo', limit = 200): string[] {
  const counts = new Map<string, number>();
  for (const f of items) counts.set(f[key], (counts.get(f[key]) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([v]) => v);
}

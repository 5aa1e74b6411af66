// Which comment threads a document should show, and how to get there from the
// threads it shows now. Threads are keyed by the feedback they hold, so a
// refresh updates a thread in place (range, comments) instead of disposing and
// recreating it: recreating threads makes VS Code redraw them collapsed and
// fire editor events, which is how a refresh loop starts.
import type { Feedback } from '../model';

export interface Placed {
  line: number; // 1-based, after relocation
  item: Feedback;
}

export interface ThreadSpec {
  /** Stable identity: the ids of the feedback in the thread, oldest first. */
  key: string;
  line: number;
  items: Feedback[];
  /** Changes when anything the thread displays changes. */
  signature: string;
}

export interface Shown {
  line: number;
  signature: string;
}

export interface ThreadChanges {
  create: ThreadSpec[];
  /** Threads to keep; `moved`/`changed` say what to set on them (both false: leave alone). */
  keep: { spec: ThreadSpec; moved: boolean; changed: boolean }[];
  remove: string[];
}

/** One thread per line with feedback, its items oldest first. */
export function planThreads(placed: readonly Placed[]): ThreadSpec[] {
  const byLine = new Map<number, Feedback[]>();
  for (const p of placed) {
    const list = byLine.get(p.line);
    if (list) list.push(p.item);
    else byLine.set(p.line, [p.item]);
  }
  return [...byLine]
    .sort((a, b) => a[0] - b[0])
    .map(([line, items]) => {
      const sorted = [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      return { key: sorted.map((f) => f.id).join(','), line, items: sorted, signature: sorted.map(displaySignature).join('\n') };
    });
}

/** What a thread shows of an item: body, reviewer, time, resolved state and tags. */
export function displaySignature(f: Feedback): string {
  const tags = f.tags.map((t) => `${t.category}:${t.source}`).join('|');
  return [f.id, f.updatedAt, f.reviewer, f.isResolved ? 1 : 0, tags, f.body].join('\u0000');
}

/** The smallest set of changes from the threads shown to the threads wanted. */
export function diffThreads(shown: ReadonlyMap<string, Shown>, wanted: readonly ThreadSpec[]): ThreadChanges {
  const changes: ThreadChanges = { create: [], keep: [], remove: [] };
  const wantedKeys = new Set<string>();
  for (const spec of wanted) {
    wantedKeys.add(spec.key);
    const now = shown.get(spec.key);
    if (!now) changes.create.push(spec);
    else changes.keep.push({ spec, moved: now.line !== spec.line, changed: now.signature !== spec.signature });
  }
  for (const key of shown.keys()) if (!wantedKeys.has(key)) changes.remove.push(key);
  return changes;
}

/** How past-feedback threads open (setting reviewMentor.editor.expandPastFeedback). */
export type ExpandPastFeedback = 'unresolved' | 'all' | 'none';

/**
 * Whether a new thread opens expanded, as the GitHub Pull Requests extension
 * does by default: feedback never marked resolved is shown, the rest stays a
 * gutter glyph. Decided once, when the thread is created; after that the
 * person's own expand or collapse stands.
 */
export function opensExpanded(mode: ExpandPastFeedback, items: readonly Feedback[]): boolean {
  if (mode === 'all') return true;
  if (mode === 'none') return false;
  return items.some((f) => !f.isResolved);
}

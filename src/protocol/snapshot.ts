// Turns a parsed journal/didChange snapshot into what the panel renders,
// checking feedback items one at a time: an item that is malformed or too
// large is left out and described (never echoed: it may be huge or hostile),
// so the panel can show a placeholder for it and render everything else.
import type { Feedback } from '../core/model';
import { isFeedback } from './feedbackCheck';
import { feedbackSchema, type DeltaMessage, type JournalSnapshot, type SnapshotMessage } from './schemas';
import { LIMITS } from './limits';

export interface UnshownFeedback {
  /** Position in the snapshot's feedback list. */
  index: number;
  /** The item's id when it has a usable one. */
  id?: string;
  /** "too large" or "malformed": what the placeholder says. */
  reason: 'too large' | 'malformed';
  /** The first failing field and why, for the log: "body: longer than 2000000 characters". */
  detail: string;
}

export interface AcceptedSnapshot {
  snapshot: JournalSnapshot;
  unshown: UnshownFeedback[];
}

export function acceptSnapshot(message: SnapshotMessage): AcceptedSnapshot {
  const feedback: Feedback[] = [];
  const unshown: UnshownFeedback[] = [];
  message.feedback.forEach((item, index) => {
    if (isFeedback(item)) feedback.push(item);
    else unshown.push(describeUnshown(item, index));
  });
  return { snapshot: { ...message, feedback }, unshown };
}

/** Why an item failed. Runs the structural schema, which is slow, only for the rare bad item. */
export function describeUnshown(item: unknown, index: number): UnshownFeedback {
  const raw = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  const id = typeof raw === 'string' && raw.length > 0 && raw.length <= LIMITS.id ? raw : undefined;
  const r = feedbackSchema.safeParse(item);
  const issue = r.success ? undefined : r.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.slice(0, 4).join('.') : '(item)';
  const message = (issue?.message ?? 'invalid feedback item').slice(0, 120);
  const tooLarge = issue?.code === 'too_big' || /^longer than/.test(message);
  return { index, ...(id ? { id } : {}), reason: tooLarge ? 'too large' : 'malformed', detail: `${where}: ${message}` };
}

/**
 * The snapshot after a delta: items replaced or appended by id, removed ids
 * dropped, entries and flags taken from the delta. Items are checked one by one
 * as in a snapshot; a bad one is described and left out.
 */
export function applyDelta(base: JournalSnapshot, delta: DeltaMessage): AcceptedSnapshot {
  const unshown: UnshownFeedback[] = [];
  const incoming = new Map<string, Feedback>();
  delta.upsert.forEach((item, index) => {
    if (isFeedback(item)) incoming.set(item.id, item);
    else unshown.push(describeUnshown(item, index));
  });
  const removed = new Set(delta.removed);
  const feedback: Feedback[] = [];
  for (const f of base.feedback) {
    if (removed.has(f.id)) continue;
    const next = incoming.get(f.id);
    feedback.push(next ?? f);
    incoming.delete(f.id);
  }
  feedback.push(...incoming.values());
  const clipped = new Set((base.clipped ?? []).filter((id) => !removed.has(id)));
  for (const id of delta.upsert.map((u) => (u as { id?: unknown })?.id)) if (typeof id === 'string') clipped.delete(id);
  for (const id of delta.clipped ?? []) clipped.add(id);
  // Stubs: the delta's replace the base's; an id upserted again is live again.
  const stubs = new Map((base.deleted ?? []).map((d) => [d.id, d]));
  for (const u of delta.upsert) if (typeof (u as { id?: unknown })?.id === 'string') stubs.delete((u as { id: string }).id);
  for (const d of delta.deleted ?? []) stubs.set(d.id, d);
  const { readOnlyReason: _oldReason, clipped: _oldClipped, deleted: _oldDeleted, ...rest } = base;
  return {
    snapshot: {
      ...rest,
      feedback,
      ...(clipped.size > 0 ? { clipped: [...clipped] } : {}),
      ...(stubs.size > 0 ? { deleted: [...stubs.values()] } : {}),
      entries: delta.entries ?? base.entries,
      now: delta.now,
      readOnly: delta.readOnly,
      ...(delta.readOnlyReason !== undefined ? { readOnlyReason: delta.readOnlyReason } : {}),
    },
    unshown,
  };
}

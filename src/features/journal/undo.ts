// The one undoable change the panel remembers: the last deleted or edited entry.
import type { Entry } from '../../core/model';
import type { EntryPatch } from '../../protocol';

export type UndoRecord = { kind: 'delete'; entry: Entry } | { kind: 'update'; before: Entry };

export function undoLabel(r: UndoRecord): string {
  const what = r.kind === 'delete' ? r.entry : r.before;
  const noun = what.kind === 'action' ? 'Action item' : what.kind === 'goal' ? 'Goal' : 'Note';
  return r.kind === 'delete' ? `${noun} deleted` : `${noun} updated`;
}

/** The patch that puts an edited entry back as it was. */
export function inversePatch(before: Entry): EntryPatch {
  return { text: before.text, status: before.status, targetDate: before.targetDate ?? null, ...(before.kind === 'action' ? { goalId: before.goalId ?? null } : {}) };
}

/** Applies a patch to an entry in place (the store's and the test backend's one rule). */
export function applyEntryPatch(entry: Entry, patch: EntryPatch, now: string): void {
  if (patch.text !== undefined) entry.text = patch.text;
  if (patch.status !== undefined) entry.status = patch.status;
  if (patch.targetDate === null) delete entry.targetDate;
  else if (patch.targetDate !== undefined) entry.targetDate = patch.targetDate;
  if (patch.goalId === null) delete entry.goalId;
  else if (patch.goalId !== undefined) entry.goalId = patch.goalId;
  entry.updatedAt = now;
}

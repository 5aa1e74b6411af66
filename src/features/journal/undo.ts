// The one undoable change the panel remembers: the last deleted or edited entry.
import type { Entry } from '../../core/model';
import type { EntryPatch } from '../../protocol';
import * as l10n from '@vscode/l10n';

export type UndoRecord = { kind: 'delete'; entry: Entry } | { kind: 'update'; before: Entry };

export function undoLabel(r: UndoRecord): string {
  const what = r.kind === 'delete' ? r.entry : r.before;
  // Whole sentences per kind: other languages inflect the noun or the verb.
  if (r.kind === 'delete') return what.kind === 'action' ? l10n.t('Action item deleted') : what.kind === 'goal' ? l10n.t('Goal deleted') : l10n.t('Note deleted');
  return what.kind === 'action' ? l10n.t('Action item updated') : what.kind === 'goal' ? l10n.t('Goal updated') : l10n.t('Note updated');
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

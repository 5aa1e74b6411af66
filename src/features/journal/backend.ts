// What the journal panel needs from the rest of the extension. The lead wires
// this to the store (src/store) in extension.ts; tests use an in-memory fake.
import type { Entry, EngineerRef, Journal } from '../../core/model';
import type { Category } from '../../core/taxonomy';
import type { EntryPatch, NewEntry } from '../../protocol';
import type { Applied, ReviewDecision, ReviewReceipt } from '../review/reviewWriter';

export interface DisposableLike {
  dispose(): void;
}

export type TagOperation = 'add' | 'remove' | 'accept' | 'reject';

export interface JournalPanelBackend {
  load(engineer: EngineerRef): Promise<Journal>;
  /** A reason when the journal cannot be written (newer schema, lock); undefined when writable. */
  readOnlyReason?(engineer: EngineerRef): Promise<string | undefined>;
  categories(): readonly Category[];
  /** The host's time zone, for periods in whole days (the export's); UTC when absent. */
  timeZone?(): string;
  /** VS Code's display language (vscode.env.language), for dates in the panel; English when absent. */
  language?(): string;
  createEntry(engineer: EngineerRef, entry: NewEntry): Promise<Entry>;
  /** `targetDate: null` clears the date. Returns the entry after the change. */
  updateEntry(engineer: EngineerRef, id: string, patch: EntryPatch): Promise<Entry>;
  /** Returns the entry as it was, so it can be restored. */
  deleteEntry(engineer: EngineerRef, id: string): Promise<Entry>;
  /** Puts a deleted entry back with its id, links and timestamps (undo of delete). */
  restoreEntry(engineer: EngineerRef, entry: Entry): Promise<void>;
  link(engineer: EngineerRef, entryId: string, feedbackId: string): Promise<void>;
  unlink(engineer: EngineerRef, entryId: string, feedbackId: string): Promise<void>;
  /** add/remove a manual tag; accept/reject a suggested one (for reject, `category` is the right one, '' for none). */
  tag(engineer: EngineerRef, feedbackId: string, category: string, op: TagOperation): Promise<void>;
  /**
   * Review decisions in one store write, each one training the classifier as
   * a single tag decision does. With `batch`, every item must still be
   * suggested as that category with at least that confidence.
   */
  review(engineer: EngineerRef, decisions: ReviewDecision[], batch?: { category: string; minConfidence: number }): Promise<Applied>;
  /** Puts back what one `review` call changed (one write) and withdraws its corrections. */
  undoReview(engineer: EngineerRef, receipt: ReviewReceipt): Promise<void>;
  /** Rejects the suggestion and asks what the comment is, with the Feedback view's picker. */
  rejectWithPicker?(engineer: EngineerRef, feedbackId: string): Promise<void>;
  /** Tags with the Feedback view's "Tag..." picker. */
  tagWithPicker?(engineer: EngineerRef, feedbackId: string): Promise<void>;
  openExternal(url: string): Promise<boolean>;
  /** Opens the export flow (summary for a 1:1); optional. */
  openExport?(engineer: EngineerRef, period?: string): Promise<void>;
  /**
   * Fires when any journal changes (this window or another); the panel filters
   * by engineer. `change` names the items that changed, so the panel can send
   * only those; without it the panel sends a full snapshot.
   */
  onDidChange(listener: (engineer: EngineerRef, change?: { feedback: string[] | 'all'; meta: boolean }) => void): DisposableLike;
}

export interface PanelLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

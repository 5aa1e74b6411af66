// An in-memory JournalPanelBackend for controller tests: records every call.
import type { Entry, EngineerRef, Journal } from '../../../src/core/model';
import { DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';
import type { EntryPatch, NewEntry } from '../../../src/protocol';
import type { JournalPanelBackend, TagOperation } from '../../../src/features/journal/backend';
import type { Correction } from '../../../src/core/classifier';
import { applyDecisions, undoDecisions, type ReviewDecision, type ReviewReceipt } from '../../../src/features/review/reviewWriter';
import { applyEntryPatch } from '../../../src/features/journal/undo';

export class FakeBackend implements JournalPanelBackend {
  calls: string[] = [];
  opened: string[] = [];
  readOnly: string | undefined;
  private listeners = new Set<(e: EngineerRef, change?: { feedback: string[] | 'all'; meta: boolean }) => void>();
  private nextId = 1;

  constructor(public journal: Journal) {}

  async load(): Promise<Journal> {
    return structuredClone(this.journal);
  }
  async readOnlyReason(): Promise<string | undefined> {
    return this.readOnly;
  }
  categories() {
    return DEFAULT_CATEGORIES;
  }
  async createEntry(_e: EngineerRef, input: NewEntry): Promise<Entry> {
    const entry: Entry = { id: `E${this.nextId++}`, kind: input.kind, text: input.text, status: 'open', links: input.links ?? [], createdAt: 't', updatedAt: 't', ...(input.targetDate ? { targetDate: input.targetDate } : {}), ...(input.goalId ? { goalId: input.goalId } : {}) };
    this.journal.entries.push(entry);
    this.calls.push(`create:${entry.id}`);
    return entry;
  }
  async updateEntry(_e: EngineerRef, id: string, patch: EntryPatch): Promise<Entry> {
    const entry = this.find(id);
    applyEntryPatch(entry, patch, 't');
    this.calls.push(`update:${id}`);
    return entry;
  }
  async deleteEntry(_e: EngineerRef, id: string): Promise<Entry> {
    const entry = this.find(id);
    this.journal.entries = this.journal.entries.filter((x) => x.id !== id);
    this.calls.push(`delete:${id}`);
    return structuredClone(entry);
  }
  async restoreEntry(_e: EngineerRef, entry: Entry): Promise<void> {
    this.journal.entries.push(entry);
    this.calls.push(`restore:${entry.id}`);
  }
  async link(_e: EngineerRef, entryId: string, feedbackId: string): Promise<void> {
    this.find(entryId).links.push(feedbackId);
    this.calls.push(`link:${entryId}:${feedbackId}`);
  }
  async unlink(_e: EngineerRef, entryId: string, feedbackId: string): Promise<void> {
    const entry = this.find(entryId);
    entry.links = entry.links.filter((l) => l !== feedbackId);
    this.calls.push(`unlink:${entryId}:${feedbackId}`);
  }
  async tag(_e: EngineerRef, feedbackId: string, category: string, op: TagOperation): Promise<void> {
    this.calls.push(`tag:${op}:${feedbackId}:${category}`);
  }
  /** Review writes, each counted as one store write; corrections as the classifier service would keep them. */
  writes = 0;
  corrections: Correction[] = [];
  private readonly writer = {
    updateFeedback: async (ids: string[], fn: (f: Journal['feedback'][string]) => void) => {
      this.writes++;
      const missing: string[] = [];
      for (const id of ids) {
        const f = this.journal.feedback[id];
        if (f) fn(f);
        else missing.push(id);
      }
      return { missing };
    },
  };
  async review(_e: EngineerRef, decisions: ReviewDecision[], batch?: { category: string; minConfidence: number }) {
    const applied = await applyDecisions(this.writer, decisions, { by: 'alice', at: '2026-11-20T12:00:00.000Z', ...(batch ? { batch } : {}) });
    this.corrections.push(...applied.receipt.corrections);
    this.calls.push(`review:${applied.receipt.ids.join(',')}`);
    return applied;
  }
  async undoReview(_e: EngineerRef, receipt: ReviewReceipt): Promise<void> {
    await undoDecisions(this.writer, receipt);
    this.corrections = this.corrections.filter((c) => !receipt.corrections.includes(c));
    this.calls.push(`undoReview:${receipt.ids.join(',')}`);
  }
  /** Set to false to test a host that cannot show its pickers. */
  pickers = true;
  get rejectWithPicker() {
    return this.pickers ? async (_e: EngineerRef, feedbackId: string) => void this.calls.push(`pick:reject:${feedbackId}`) : undefined;
  }
  get tagWithPicker() {
    return this.pickers ? async (_e: EngineerRef, feedbackId: string) => void this.calls.push(`pick:tag:${feedbackId}`) : undefined;
  }
  async openExternal(url: string): Promise<boolean> {
    this.opened.push(url);
    return true;
  }
  onDidChange(listener: (e: EngineerRef, change?: { feedback: string[] | 'all'; meta: boolean }) => void) {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
  fire(e: EngineerRef, change?: { feedback: string[] | 'all'; meta: boolean }): void {
    this.listeners.forEach((l) => l(e, change));
  }
  get listenerCount(): number {
    return this.listeners.size;
  }
  private find(id: string): Entry {
    const e = this.journal.entries.find((x) => x.id === id);
    if (!e) throw new Error(`no entry ${id}`);
    return e;
  }
}

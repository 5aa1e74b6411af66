// The journal panel's message handling, free of `vscode` so it runs in plain
// Node tests. JournalPanel owns the WebviewPanel and feeds this class.
import type { EngineerRef, Feedback, Journal } from '../../core/model';
import { effectiveTags, liveFeedback, sameLogin } from '../../core/model';
import { deletedStubs } from '../../core/deletedStubs';
import {
  assertNever,
  LIMITS,
  parseWebviewMessage,
  type HostMessage,
  type DeltaMessage,
  type JournalSnapshot,
  type ViewState,
  type WebviewRequest,
} from '../../protocol';
import type { DisposableLike, JournalPanelBackend, PanelLogger } from './backend';
import { inversePatch, undoLabel, type UndoRecord } from './undo';
import type { Applied, ReviewReceipt } from '../review/reviewWriter';
import type { TabId } from '../../protocol';
import * as l10n from '@vscode/l10n';

export interface WebviewPort {
  postMessage(message: HostMessage): PromiseLike<boolean>;
  onDidReceiveMessage(listener: (message: unknown) => void): DisposableLike;
}

type Reply = { undo?: { label: string }; applied?: number; skipped?: number } | void;

/** Review writes the panel can still undo, newest last. */
const MAX_REVIEW_UNDO = 1_000;

const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export function isOpenableUrl(url: string, schemes = EXTERNAL_SCHEMES): boolean {
  try {
    return schemes.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Lines of a diff hunk the review flow shows (its tail: the commented lines). */
export const REVIEW_HUNK_LINES = 12;
const REVIEW_HUNK_CHARS = 1_200;

/**
 * Items as the panel needs them: bodies cut to LIMITS.displayBody characters
 * (the journal keeps them whole), and diff hunks only where the review flow
 * shows them (items without a confirmed tag), cut to the tail it shows.
 * Unchanged items are passed as they are (no copy).
 */
export function forDisplay(items: readonly Feedback[]): { feedback: Feedback[]; clipped: string[] } {
  const clipped: string[] = [];
  const feedback = items.map((f) => {
    const long = typeof f.body === 'string' && f.body.length > LIMITS.displayBody;
    const hunk = typeof f.diffHunk === 'string' && effectiveTags(f).length === 0 ? reviewHunk(f.diffHunk) : undefined;
    if (!long && f.diffHunk === hunk) return f;
    const { diffHunk: _hunk, ...rest } = f;
    const shown = hunk === undefined ? rest : { ...rest, diffHunk: hunk };
    if (!long) return shown;
    clipped.push(f.id);
    return { ...shown, body: f.body.slice(0, LIMITS.displayBody) };
  });
  return { feedback, clipped };
}

function reviewHunk(hunk: string): string {
  return hunk.split('\n').slice(-REVIEW_HUNK_LINES).join('\n').slice(-REVIEW_HUNK_CHARS);
}

/** An action item may serve a goal of the same journal; nothing else has one. */
function assertGoal(journal: Journal, kind: string, goalId: string): void {
  if (kind !== 'action') throw new Error(l10n.t('Only action items belong to a goal.'));
  if (!journal.entries.some((x) => x.id === goalId && x.kind === 'goal')) throw new Error(l10n.t('That goal no longer exists.'));
}

export class JournalController implements DisposableLike {
  private ready = false;
  private undoRecord: UndoRecord | undefined;
  private readonly disposables: DisposableLike[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** A snapshot reached the webview since its last `ready`: deltas can follow. */
  private hasBase = false;
  /** What changed since the last message; undefined: nothing pending. */
  private pending: { ids: Set<string>; all: boolean; meta: boolean } | undefined;
  private readonly reviewReceipts: ReviewReceipt[] = [];
  /** Review requests run one after another, so undo always meets the write it names. */
  private reviewChain: Promise<unknown> = Promise.resolve();
  private pendingTab: TabId | undefined;
  /** The view state the webview last reported (tab, period, filters). */
  lastViewState: ViewState | undefined;

  constructor(
    readonly engineer: EngineerRef,
    private readonly port: WebviewPort,
    private readonly backend: JournalPanelBackend,
    private readonly log: PanelLogger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.disposables.push(
      port.onDidReceiveMessage((m) => void this.receive(m)),
      backend.onDidChange((e, change) => {
        if (e.host !== engineer.host || !sameLogin(e.login, engineer.login)) return;
        const p = (this.pending ??= { ids: new Set(), all: false, meta: false });
        if (!change || change.feedback === 'all') p.all = true;
        else change.feedback.forEach((id) => p.ids.add(id));
        if (!change || change.meta) p.meta = true;
        this.scheduleRefresh();
      }),
    );
  }

  /** The webview was torn down (hidden without retained context); wait for its next `ready`. */
  webviewGone(): void {
    this.ready = false;
    this.hasBase = false;
  }

  get isReady(): boolean {
    return this.ready;
  }

  async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.log.warn(`journal panel: ${parsed.error}`);
      return;
    }
    const msg = parsed.message;
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.hasBase = false;
        await this.refresh();
        if (this.pendingTab) {
          const tab = this.pendingTab;
          this.pendingTab = undefined;
          await this.post({ type: 'view/show', tab });
        }
        return;
      case 'view/stateChanged':
        this.lastViewState = msg.state;
        return;
      default:
        await this.answer(msg);
    }
  }

  private async answer(req: WebviewRequest): Promise<void> {
    let response: HostMessage;
    try {
      const reply = await this.handle(req);
      response = { type: 'response', requestId: req.requestId, ok: true, ...(reply ? reply : {}) };
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 2_000);
      this.log.warn(`journal panel: ${req.type} failed: ${error}`);
      response = { type: 'response', requestId: req.requestId, ok: false, error };
    }
    await this.post(response);
  }

  private async handle(req: WebviewRequest): Promise<Reply> {
    const e = this.engineer;
    const b = this.backend;
    switch (req.type) {
      case 'feedback/openOnGitHub': {
        // The URL comes from the journal, never from the message.
        const f = (await b.load(e)).feedback[req.feedbackId];
        if (!f) throw new Error(l10n.t('That feedback is no longer in the journal.'));
        if (!isOpenableUrl(f.url, new Set(['https:', 'http:']))) throw new Error(l10n.t('The feedback has no web address.'));
        await b.openExternal(f.url);
        return;
      }
      case 'link/open':
        if (!isOpenableUrl(req.url)) throw new Error(l10n.t('Only http, https and mailto links can be opened.'));
        await b.openExternal(req.url);
        return;
      case 'export/open':
        if (!b.openExport) throw new Error(l10n.t('Export is not available here.'));
        await b.openExport(e, req.period);
        return;
      default:
        return this.write(req);
    }
  }

  /** Opens a tab in the page now, or as soon as the page is ready. */
  async show(tab: TabId): Promise<void> {
    if (this.ready) await this.post({ type: 'view/show', tab });
    else this.pendingTab = tab;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.reviewChain.then(fn, fn);
    this.reviewChain = next.catch(() => undefined);
    return next;
  }

  private reviewed(a: Applied): Reply {
    if (a.receipt.ids.length > 0) {
      this.reviewReceipts.push(a.receipt);
      if (this.reviewReceipts.length > MAX_REVIEW_UNDO) this.reviewReceipts.shift();
    }
    return { applied: a.receipt.ids.length, skipped: a.skipped.length };
  }

  private async write(req: Exclude<WebviewRequest, { type: 'feedback/openOnGitHub' | 'link/open' | 'export/open' }>): Promise<Reply> {
    const e = this.engineer;
    const b = this.backend;
    await this.assertWritable();
    switch (req.type) {
      case 'review/decide':
        return this.serial(async () => this.reviewed(await b.review(e, [{ feedbackId: req.feedbackId, action: req.decision }])));
      case 'review/batch':
        return this.serial(async () =>
          this.reviewed(await b.review(e, req.feedbackIds.map((feedbackId) => ({ feedbackId, action: { kind: 'accept' as const } })), { category: req.category, minConfidence: req.minConfidence })),
        );
      case 'review/undo':
        return this.serial(async () => {
          const last = this.reviewReceipts.at(-1);
          if (!last) throw new Error(l10n.t('Nothing to undo.'));
          // The page names what it decided; a batch may have changed fewer (items tagged meanwhile are left alone).
          const named = new Set(req.feedbackIds);
          if (last.ids.some((id) => !named.has(id))) throw new Error(l10n.t('That decision can no longer be undone here (the journal changed since).'));
          await b.undoReview(e, last);
          this.reviewReceipts.pop();
          return { applied: last.ids.length };
        });
      case 'entry/create':
        if (req.entry.goalId !== undefined) assertGoal(await b.load(e), req.entry.kind, req.entry.goalId);
        await b.createEntry(e, req.entry);
        return;
      case 'entry/update': {
        const journal = await b.load(e);
        const before = journal.entries.find((x) => x.id === req.id);
        if (!before) throw new Error(l10n.t('That entry no longer exists.'));
        if (req.patch.goalId) assertGoal(journal, before.kind, req.patch.goalId);
        await b.updateEntry(e, req.id, req.patch);
        this.undoRecord = { kind: 'update', before };
        return { undo: { label: undoLabel(this.undoRecord) } };
      }
      case 'entry/delete': {
        const entry = await b.deleteEntry(e, req.id);
        this.undoRecord = { kind: 'delete', entry };
        return { undo: { label: undoLabel(this.undoRecord) } };
      }
      case 'entry/undo': {
        const r = this.undoRecord;
        if (!r) throw new Error(l10n.t('Nothing to undo.'));
        this.undoRecord = undefined;
        if (r.kind === 'delete') await b.restoreEntry(e, r.entry);
        else await b.updateEntry(e, r.before.id, inversePatch(r.before));
        return;
      }
      case 'feedback/link':
      case 'feedback/unlink': {
        const journal = await b.load(e);
        this.assertExists(journal, req.feedbackId, req.entryId);
        if (req.type === 'feedback/link') await b.link(e, req.entryId, req.feedbackId);
        else await b.unlink(e, req.entryId, req.feedbackId);
        return;
      }
      case 'feedback/tag':
        await b.tag(e, req.feedbackId, req.category, req.action);
        return;
      case 'suggestion/accept':
        await b.tag(e, req.feedbackId, req.category, 'accept');
        return;
      case 'suggestion/reject':
        // The Feedback view's question, "Not Tone: what is it?", when the host can ask it.
        if (b.rejectWithPicker) await b.rejectWithPicker(e, req.feedbackId);
        else await b.tag(e, req.feedbackId, '', 'reject');
        return;
      case 'feedback/tagPicker':
        if (!(await b.load(e)).feedback[req.feedbackId]) throw new Error(l10n.t('That feedback is no longer in the journal.'));
        if (!b.tagWithPicker) throw new Error(l10n.t('Tagging is not available here.'));
        await b.tagWithPicker(e, req.feedbackId);
        return;
      default:
        return assertNever(req);
    }
  }

  private assertExists(journal: Journal, feedbackId: string, entryId: string): void {
    if (!journal.feedback[feedbackId]) throw new Error(l10n.t('That feedback is no longer in the journal.'));
    if (!journal.entries.some((x) => x.id === entryId)) throw new Error(l10n.t('That entry no longer exists.'));
  }

  private async assertWritable(): Promise<void> {
    const reason = await this.backend.readOnlyReason?.(this.engineer);
    if (reason) throw new Error(reason);
  }

  private scheduleRefresh(): void {
    // Coalesce bursts (a sync writes many times) into one snapshot.
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), 50);
  }

  /**
   * Brings the webview up to date: the changed items only when it has a base and
   * the store said which items changed, else a full snapshot. Before `ready`
   * nothing is sent (the webview asks on start).
   */
  async refresh(): Promise<void> {
    if (!this.ready || this.disposed) return;
    const pending = this.pending;
    this.pending = undefined;
    try {
      if (this.hasBase && pending && !pending.all) {
        await this.post({ type: 'journal/didChangeItems', delta: await this.delta(pending.ids, pending.meta) });
      } else {
        await this.post({ type: 'journal/didChange', snapshot: await this.snapshot() });
        this.hasBase = true;
      }
    } catch (err) {
      this.log.error(`journal panel: could not load ${this.engineer.login}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** The items among `ids` as they are now (clipped, no diff hunks), the ids that are gone, and entries when the main file changed. */
  async delta(ids: ReadonlySet<string>, meta: boolean): Promise<DeltaMessage> {
    const [journal, reason] = await Promise.all([this.backend.load(this.engineer), this.backend.readOnlyReason?.(this.engineer)]);
    const present: Feedback[] = [];
    const removed: string[] = [];
    for (const id of ids) {
      const f = journal.feedback[id];
      // A "deleted on GitHub" stub counts nowhere: for the panel it is gone.
      if (f && !f.deletedOnGitHubAt) present.push(f);
      else removed.push(id);
    }
    const { feedback, clipped } = forDisplay(present);
    // Entries changed: every linked stub (an undone delete may link old ones again); else the changed ones.
    const deleted = deletedStubs(journal, meta ? undefined : removed);
    return {
      engineer: { login: journal.engineer.login, host: journal.engineer.host },
      upsert: feedback,
      removed,
      ...(clipped.length > 0 ? { clipped } : {}),
      ...(meta ? { entries: journal.entries } : {}),
      ...(deleted.length > 0 ? { deleted } : {}),
      now: this.clock().toISOString(),
      readOnly: reason !== undefined,
      ...(reason !== undefined ? { readOnlyReason: reason.slice(0, 1_000) } : {}),
    };
  }

  async snapshot(): Promise<JournalSnapshot> {
    const [journal, reason] = await Promise.all([this.backend.load(this.engineer), this.backend.readOnlyReason?.(this.engineer)]);
    const { feedback, clipped } = forDisplay(liveFeedback(journal));
    const deleted = deletedStubs(journal);
    return {
      engineer: { login: journal.engineer.login, host: journal.engineer.host },
      feedback,
      ...(clipped.length > 0 ? { clipped } : {}),
      entries: journal.entries,
      ...(deleted.length > 0 ? { deleted } : {}),
      categories: [...this.backend.categories()],
      now: this.clock().toISOString(),
      ...(this.backend.timeZone ? { timeZone: this.backend.timeZone() } : {}),
      ...(this.backend.language ? { language: this.backend.language().slice(0, 64) } : {}),
      readOnly: reason !== undefined,
      ...(reason !== undefined ? { readOnlyReason: reason.slice(0, 1_000) } : {}),
    };
  }

  private async post(message: HostMessage): Promise<void> {
    if (this.disposed) return;
    const delivered = await this.port.postMessage(message);
    if (!delivered) this.log.warn(`journal panel: ${message.type} not delivered (webview hidden or closed)`);
  }

  dispose(): void {
    this.disposed = true;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.disposables.splice(0).forEach((d) => d.dispose());
  }
}

// Runs sync for every engineer the user follows: on demand (with a cancellable
// progress notification), on a schedule, and when the window regains focus
// after the data went stale. Each engineer fails alone (syncAll.ts), one
// window at a time syncs an engineer (a lease next to the journal; the other
// windows refresh from the file watcher), and only syncs the user started
// raise notifications: background problems go to the status bar and the log.
import * as vscode from 'vscode';
import type { EngineerRef, Feedback } from '../../core/model';
import { engineerKey } from '../journal/journalService';
import { randomUUID } from 'node:crypto';
import { AuthError, NetworkError, RateLimitError } from '../../github/errors';
import { syncEngineer } from '../../github/sync';
import { backoffMs } from '../account/identity';
import { syncEveryone } from './syncAll';
import { ContextKeys, setContext } from '../../platform/contextKeys';
import type { GitHubClient } from '../../github/client';
import type { JournalService } from '../journal/journalService';
import type { SyncStatusBar } from './statusBar';
import { errorText } from '../../platform/errors';
import { isStorageError, showStorageError } from '../../platform/storageErrors';

export interface SyncDeps {
  client: () => GitHubClient;
  journals: JournalService;
  engineers: () => EngineerRef[];
  status: SyncStatusBar;
  log: vscode.LogOutputChannel;
  includeBots: () => boolean;
  reconcileDays: () => number;
  intervalMinutes: () => number;
  /** Applies Conventional Comments, markers and suggestions to synced items. */
  transform: (f: Feedback) => Feedback;
  state: vscode.Memento;
}

const LAST_SYNC_KEY = 'reviewMentor.lastSync';

/** A line about one engineer's last sync, shown in the Engineers view. */
export interface EngineerSyncNote {
  failed: boolean;
  text: string;
}

export class SyncController implements vscode.Disposable {
  private running: { abort: AbortController; done: Promise<void>; interactive: boolean } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private resumeTimer: NodeJS.Timeout | undefined;
  private offlineAttempt = 0;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** This window, for the sync lease. */
  private readonly owner = `${process.pid}-${randomUUID()}`;
  /** Why an engineer's last sync failed (or who syncs them), for the Engineers view. */
  private readonly engineerNotes = new Map<string, EngineerSyncNote>();
  private readonly notesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeEngineerStatus = this.notesChanged.event;

  constructor(private readonly deps: SyncDeps) {
    this.markSynced();
    this.subscriptions.push(
      this.notesChanged,
      vscode.window.onDidChangeWindowState((s) => {
        if (s.focused && this.isStale()) void this.sync({ interactive: false });
      }),
    );
  }

  /** reviewMentor.synced: a sync has completed once (the walkthrough's "first sync" step). */
  private markSynced(): void {
    if (this.lastSync) setContext(ContextKeys.synced, true);
  }

  get lastSync(): Date | undefined {
    const iso = this.deps.state.get<string>(LAST_SYNC_KEY);
    return iso ? new Date(iso) : undefined;
  }

  /** Why the engineer's last sync failed, or that another window syncs them; undefined when fine. */
  statusOf(engineer: EngineerRef): EngineerSyncNote | undefined {
    return this.engineerNotes.get(engineerKey(engineer));
  }

  /** (Re)starts the periodic sync from the current setting. */
  schedule(): void {
    if (this.timer) clearInterval(this.timer);
    const minutes = this.deps.intervalMinutes();
    this.timer = minutes > 0 ? setInterval(() => void this.sync({ interactive: false }), minutes * 60_000) : undefined;
  }

  isStale(): boolean {
    const minutes = this.deps.intervalMinutes();
    const last = this.lastSync;
    return minutes > 0 && (!last || Date.now() - last.getTime() > minutes * 60_000);
  }

  cancel(): void {
    this.running?.abort.abort();
  }

  /** Syncs everyone; a second call while one runs waits for the first. */
  sync(opts: { interactive: boolean; full?: boolean }): Promise<void> {
    if (this.running) return this.running.done;
    const engineers = this.deps.engineers();
    if (engineers.length === 0) return Promise.resolve();
    const abort = new AbortController();
    // "Cancel sync" shows for every sync, background ones included.
    setContext(ContextKeys.syncing, true);
    const done = Promise.resolve(
      opts.interactive
        ? vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Review Mentor'), cancellable: true },
            (progress, token) => {
              token.onCancellationRequested(() => abort.abort());
              return this.run(engineers, abort.signal, (message) => progress.report({ message }), true, opts.full ?? false);
            },
          )
        : this.run(engineers, abort.signal, () => undefined, false, opts.full ?? false)
    ).finally(() => {
      this.running = undefined;
      setContext(ContextKeys.syncing, false);
    });
    this.running = { abort, done, interactive: opts.interactive };
    return done;
  }

  private async run(engineers: EngineerRef[], signal: AbortSignal, report: (m: string) => void, interactive: boolean, full: boolean): Promise<void> {
    const { status, log } = this.deps;
    const totals = { prs: 0, added: 0, updated: 0, removed: 0, requests: 0 };
    const skipped = new Set<string>();
    const problems = new Set<string>();
    try {
      const outcomes = await syncEveryone(engineers, {
        lease: (engineer) => this.deps.journals.store.syncLease(engineer, this.owner, `another VS Code window (process ${process.pid === undefined ? '?' : process.pid})`),
        syncOne: async (engineer) => {
          const message = `syncing ${engineer.login}…`;
          status.set({ kind: 'syncing', message });
          report(message);
          const handle = await this.deps.journals.handle(engineer);
          try {
            return await syncEngineer({
              client: this.deps.client(),
              handle,
              engineer,
              signal,
              includeBots: this.deps.includeBots(),
              reconcileDays: this.deps.reconcileDays(),
              full,
              retag: this.deps.transform,
              onProgress: (p) => report(`${engineer.login}: ${p.message}`),
            });
          } finally {
            this.deps.journals.invalidate(engineer);
          }
        },
        onError: (engineer, message) => log.error(`Sync of ${engineer.login} failed: ${message}`),
      });
      const failed: string[] = [];
      for (const o of outcomes) {
        const key = engineerKey(o.engineer);
        if (o.kind === 'elsewhere') {
          log.info(`${o.engineer.login} is being synced by ${o.holder}; this window shows its writes as they land.`);
          this.engineerNotes.set(key, { failed: false, text: vscode.l10n.t('Synced by {0}.', o.holder) });
          continue;
        }
        if (o.kind === 'failed') {
          failed.push(`${o.engineer.login}: ${o.message}`);
          this.engineerNotes.set(key, { failed: true, text: vscode.l10n.t('Last sync failed: {0}', o.message) });
          continue;
        }
        const r = o.result;
        totals.prs += r.prs;
        totals.added += r.added;
        totals.updated += r.updated;
        totals.removed += r.removed;
        totals.requests += r.requests;
        r.skippedRepos.forEach((x) => skipped.add(x));
        r.problems.forEach((p) => problems.add(`${o.engineer.login}: ${p}`));
        log.info(`Synced ${o.engineer.login}: ${r.prs} PRs, ${r.added} new, ${r.updated} updated and ${r.removed} deleted comments, ${r.requests} requests (cost ${r.graphqlCost}).`);
        if (r.retrying > 0) log.warn(`${o.engineer.login}: ${r.retrying} pull request(s) could not be fetched whole; the next sync tries them again.`);
        if (r.problems.length > 0) this.engineerNotes.set(key, { failed: false, text: r.problems.join(' ') });
        else this.engineerNotes.delete(key);
      }
      this.notesChanged.fire();
      this.offlineAttempt = 0;
      await this.deps.state.update(LAST_SYNC_KEY, new Date().toISOString());
      this.markSynced();
      const warnings = [...failed, ...problems];
      if (skipped.size > 0) {
        const list = [...skipped].join(', ');
        warnings.push(skipped.size === 1 ? vscode.l10n.t('Skipped a repository GitHub says is gone or not visible: {0}.', list) : vscode.l10n.t('Skipped repositories GitHub says are gone or not visible: {0}.', list));
      }
      status.set({ kind: 'idle', lastSync: this.lastSync, ...(warnings.length ? { warnings } : {}) });
      for (const w of warnings) log.warn(w);
      if (interactive && warnings.length > 0) {
        const text = warnings.length > 1 ? vscode.l10n.t('Review Mentor: {0} (and {1} more in the log)', warnings[0]!, warnings.length - 1) : vscode.l10n.t('Review Mentor: {0}', warnings[0]!);
        void vscode.window.showWarningMessage(text, vscode.l10n.t('Show log')).then((c) => {
          if (c) log.show();
        });
      }
      if (interactive) log.info(`Sync done: ${totals.prs} PRs, ${totals.added} new, ${totals.updated} updated, ${totals.removed} deleted, ${totals.requests} requests.`);
    } catch (err) {
      this.handleError(err, signal, interactive);
    }
  }

  private handleError(err: unknown, signal: AbortSignal, interactive: boolean): void {
    const { status, log } = this.deps;
    if (signal.aborted) {
      log.info('Sync cancelled; journals keep what was fully synced.');
      status.set({ kind: 'idle', lastSync: this.lastSync });
      return;
    }
    if (err instanceof AuthError) {
      log.warn(`Sync stopped: ${err.message}`);
      status.set({ kind: 'error', message: vscode.l10n.t('GitHub did not accept the sign-in.'), lastSync: this.lastSync });
      void vscode.window
        .showErrorMessage(vscode.l10n.t('Review Mentor: GitHub did not accept your sign-in (signed out or token revoked).'), vscode.l10n.t('Sign in again'), vscode.l10n.t('Use a token'))
        .then((choice) => {
          if (choice === vscode.l10n.t('Sign in again')) void vscode.commands.executeCommand('reviewMentor.signIn');
          if (choice === vscode.l10n.t('Use a token')) void vscode.commands.executeCommand('reviewMentor.signInWithToken');
        });
      return;
    }
    if (err instanceof RateLimitError) {
      this.resumeAt(err.resetAt, interactive);
      return;
    }
    if (err instanceof NetworkError) {
      // Offline or the VPN is down: still signed in; try again by itself.
      const delay = backoffMs(this.offlineAttempt++);
      log.warn(`Sync could not reach GitHub: ${err.message} Trying again in ${Math.round(delay / 1000)} s.`);
      status.set({ kind: 'offline', message: err.message, lastSync: this.lastSync });
      this.retryIn(delay);
      if (interactive) void vscode.window.showWarningMessage(vscode.l10n.t('Review Mentor: {0} Sync tries again by itself.', err.message));
      return;
    }
    if (isStorageError(err)) {
      // A local fault needs the user whether or not they started this sync; the notification is not repeated while open.
      log.error(`Sync stopped: ${err.message}`);
      status.set({ kind: 'error', message: err.message, lastSync: this.lastSync });
      showStorageError(err, () => this.sync({ interactive: true }));
      return;
    }
    const message = errorText(err);
    log.error(`Sync failed: ${message}`);
    status.set({ kind: 'error', message, lastSync: this.lastSync });
    if (interactive) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Review Mentor: sync failed. {0}', message), vscode.l10n.t('Retry'), vscode.l10n.t('Show log')).then((choice) => {
        if (choice === vscode.l10n.t('Retry')) void this.sync({ interactive: true });
        if (choice === vscode.l10n.t('Show log')) log.show();
      });
    }
  }

  /**
   * The client is waiting out a short rate limit by itself, and the sync goes
   * on afterwards: the status bar says so, a notification only when the user
   * started this sync, and no extra sync is scheduled.
   */
  waitingForRateLimit(resetAt: Date): void {
    this.deps.status.set({ kind: 'rate-limited', resumesAt: resetAt });
    const time = resetAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    this.deps.log.warn(`GitHub rate limit reached; sync waits and resumes at ${time}.`);
    if (this.running?.interactive) void vscode.window.showWarningMessage(vscode.l10n.t('Review Mentor: GitHub\'s rate limit was reached. Sync resumes by itself at {0}.', time));
  }

  /** Shows when sync resumes after a rate limit, and resumes by itself then. */
  resumeAt(resetAt: Date, interactive = false): void {
    const { status, log } = this.deps;
    status.set({ kind: 'rate-limited', resumesAt: resetAt });
    const time = resetAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    log.warn(`GitHub rate limit reached; sync resumes at ${time}.`);
    if (interactive) void vscode.window.showWarningMessage(vscode.l10n.t('Review Mentor: GitHub\'s rate limit was reached. Sync resumes by itself at {0}.', time));
    this.retryIn(Math.max(1000, resetAt.getTime() - Date.now() + 1000));
  }

  private retryIn(ms: number): void {
    if (this.resumeTimer) clearTimeout(this.resumeTimer);
    this.resumeTimer = setTimeout(() => void this.sync({ interactive: false }), ms);
  }

  dispose(): void {
    this.cancel();
    if (this.timer) clearInterval(this.timer);
    if (this.resumeTimer) clearTimeout(this.resumeTimer);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

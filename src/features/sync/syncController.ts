// Runs sync for every engineer the user follows: on demand (with a cancellable
// progress notification), on a schedule, and when the window regains focus
// after the data went stale. Turns GitHub errors into plain, actionable messages.
import * as vscode from 'vscode';
import type { EngineerRef, Feedback } from '../../core/model';
import { AuthError, RateLimitError } from '../../github/errors';
import { syncEngineer, type SyncResult } from '../../github/sync';
import type { GitHubClient } from '../../github/client';
import type { JournalService } from '../journal/journalService';
import type { SyncStatusBar } from './statusBar';
import { errorText } from '../../platform/errors';

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

export class SyncController implements vscode.Disposable {
  private running: { abort: AbortController; done: Promise<void> } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private resumeTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly deps: SyncDeps) {
    this.subscriptions.push(
      vscode.window.onDidChangeWindowState((s) => {
        if (s.focused && this.isStale()) void this.sync({ interactive: false });
      }),
    );
  }

  get lastSync(): Date | undefined {
    const iso = this.deps.state.get<string>(LAST_SYNC_KEY);
    return iso ? new Date(iso) : undefined;
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
    const done = Promise.resolve(
      opts.interactive
        ? vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'Review Mentor', cancellable: true },
            (progress, token) => {
              token.onCancellationRequested(() => abort.abort());
              return this.run(engineers, abort.signal, (message) => progress.report({ message }), true, opts.full ?? false);
            },
          )
        : this.run(engineers, abort.signal, () => undefined, false, opts.full ?? false)
    ).finally(() => {
      this.running = undefined;
    });
    this.running = { abort, done };
    return done;
  }

  private async run(engineers: EngineerRef[], signal: AbortSignal, report: (m: string) => void, interactive: boolean, full: boolean): Promise<void> {
    const { status, log } = this.deps;
    const totals = { prs: 0, added: 0, updated: 0, requests: 0 };
    const skipped = new Set<string>();
    const problems = new Set<string>();
    try {
      for (const engineer of engineers) {
        const message = `syncing ${engineer.login}…`;
        status.set({ kind: 'syncing', message });
        report(message);
        const handle = await this.deps.journals.handle(engineer);
        let result: SyncResult;
        try {
          result = await syncEngineer({
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
        totals.prs += result.prs;
        totals.added += result.added;
        totals.updated += result.updated;
        totals.requests += result.requests;
        result.skippedRepos.forEach((r) => skipped.add(r));
        log.info(`Synced ${engineer.login}: ${result.prs} PRs, ${result.added} new, ${result.updated} updated and ${result.removed} deleted comments, ${result.requests} requests (cost ${result.graphqlCost}).`);
        result.problems.forEach((p) => problems.add(p));
        if (result.retrying > 0) log.warn(`${engineer.login}: ${result.retrying} pull request(s) could not be fetched whole; the next sync tries them again.`);
      }
      await this.deps.state.update(LAST_SYNC_KEY, new Date().toISOString());
      status.set({ kind: 'idle', lastSync: this.lastSync });
      for (const p of problems) {
        log.warn(p);
        if (interactive) void vscode.window.showWarningMessage(`Review Mentor: ${p}`);
      }
      if (skipped.size > 0) {
        void vscode.window.showWarningMessage(
          `Review Mentor skipped ${skipped.size} ${skipped.size === 1 ? 'repository' : 'repositories'} it could not read (deleted, renamed or no access): ${[...skipped].join(', ')}.`,
        );
      }
      if (interactive) log.info(`Sync done: ${totals.prs} PRs, ${totals.added} new, ${totals.updated} updated, ${totals.requests} requests.`);
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
      status.set({ kind: 'error', message: 'GitHub did not accept the sign-in.', lastSync: this.lastSync });
      void vscode.window
        .showErrorMessage('Review Mentor: GitHub did not accept your sign-in (signed out or token revoked).', 'Sign in again', 'Use a token')
        .then((choice) => {
          if (choice === 'Sign in again') void vscode.commands.executeCommand('reviewMentor.signIn');
          if (choice === 'Use a token') void vscode.commands.executeCommand('reviewMentor.signInWithToken');
        });
      return;
    }
    if (err instanceof RateLimitError) {
      this.resumeAt(err.resetAt);
      return;
    }
    const message = errorText(err);
    log.error(`Sync failed: ${message}`);
    status.set({ kind: 'error', message, lastSync: this.lastSync });
    if (interactive) {
      void vscode.window.showErrorMessage(`Review Mentor: sync failed. ${message}`, 'Retry', 'Show log').then((choice) => {
        if (choice === 'Retry') void this.sync({ interactive: true });
        if (choice === 'Show log') log.show();
      });
    }
  }

  /** Shows when sync resumes after a rate limit, and resumes by itself then. */
  resumeAt(resetAt: Date): void {
    const { status, log } = this.deps;
    status.set({ kind: 'rate-limited', resumesAt: resetAt });
    const time = resetAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    log.warn(`GitHub rate limit reached; sync resumes at ${time}.`);
    void vscode.window.showWarningMessage(`Review Mentor: GitHub's rate limit was reached. Sync resumes by itself at ${time}.`);
    if (this.resumeTimer) clearTimeout(this.resumeTimer);
    this.resumeTimer = setTimeout(() => void this.sync({ interactive: false }), Math.max(1000, resetAt.getTime() - Date.now() + 1000));
  }

  dispose(): void {
    this.cancel();
    if (this.timer) clearInterval(this.timer);
    if (this.resumeTimer) clearTimeout(this.resumeTimer);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

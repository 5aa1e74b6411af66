// Past feedback in the editor: read-only comment threads (shown inline, in the
// gutter and in the Comments panel), a hover on commented lines, and a status
// bar hint that counts past comments on the active file. Lines are relocated
// through the diff hunk, so a comment follows its code when lines move.
//
// Threads are reconciled, never rebuilt: a document is rendered again only when
// it becomes visible, is saved, or the journal (or a setting) changed, and a
// render changes existing threads in place. Editor events that change nothing
// (focus moves, VS Code redrawing a thread) cost a set comparison.
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { Feedback } from '../../core/model';
import { effectiveTags } from '../../core/model';
import type { Taxonomy } from '../../core/taxonomy';
import { relocateLine } from '../../core/relocate';
import { remoteMatches } from '../../core/remotes';
import { firstLine } from '../../core/browse/text';
import { labelField } from '../../core/safeText';
import { diffThreads, opensExpanded, planThreads, type Placed, type Shown, type ThreadSpec } from '../../core/pastFeedback/threadPlan';
import { readConfig } from '../../platform/config';
import { watchWorkspaceClones, workspaceClones, type WorkspaceClone } from './workspaceRepos';
import { CloneCache } from './cloneList';
import { feedbackTooltip } from '../feedback/feedbackMarkdown';
import { Commands } from '../../platform/commandIds';
import { Disposable } from '../../platform/lifecycle';

export interface PastFeedbackSource {
  /** Feedback to look through (the selected engineer's), with the host it came from. */
  items(): Promise<{ host: string; items: Feedback[] }>;
  taxonomy(): Taxonomy;
  enabled(): boolean;
}

export type PlacedFeedback = Placed;

/** Counters read by the extension-host regression test (a loop shows up as growth). */
export interface PastFeedbackStats {
  visibleEditorEvents: number;
  renders: number;
  threadsCreated: number;
  threadsDisposed: number;
  threadsUpdated: number;
  threadsShown: number;
}

interface RenderedDoc {
  generation: number;
  placed: Placed[];
  threads: Map<string, { thread: vscode.CommentThread } & Shown>;
}

export class PastFeedbackController extends Disposable implements vscode.HoverProvider {
  private readonly controller = vscode.comments.createCommentController('reviewMentor.pastFeedback', vscode.l10n.t('Past review feedback'));
  private readonly rendered = new Map<string, RenderedDoc>();
  private readonly stale = new Set<string>();
  private readonly hint = vscode.window.createStatusBarItem('reviewMentor.pastFeedback', vscode.StatusBarAlignment.Right, 100);
  private readonly clones = new CloneCache<WorkspaceClone[]>(workspaceClones);
  /** Bumped when the journal, the engineer, the taxonomy or a setting changed. */
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  private scheduled = false;
  readonly stats: PastFeedbackStats = {
    visibleEditorEvents: 0,
    renders: 0,
    threadsCreated: 0,
    threadsDisposed: 0,
    threadsUpdated: 0,
    threadsShown: 0,
  };

  constructor(private readonly source: PastFeedbackSource) {
    super();
    this.controller.options = { placeHolder: vscode.l10n.t('Past review feedback is read-only.') };
    [
      this.controller,
      this.hint,
      vscode.window.onDidChangeVisibleTextEditors(() => {
        this.stats.visibleEditorEvents++;
        this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateHint()),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (!this.rendered.has(d.uri.toString())) return;
        this.stale.add(d.uri.toString());
        this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.drop(d.uri.toString())),
      // Repositories opened, remotes changed, .git/config edited, folders added: look again.
      watchWorkspaceClones(() => {
        this.clones.invalidate();
        void this.invalidate();
      }),
      vscode.languages.registerHoverProvider({ scheme: 'file' }, this),
    ].forEach((d) => this.register(d));
    this.hint.name = vscode.l10n.t('Review Mentor: past feedback on this file');
  }

  /** The journal, the engineer, the taxonomy or a setting changed: re-render what is visible. */
  invalidate(): Promise<void> {
    this.generation++;
    return this.refreshVisible();
  }

  /** A setting changed how comments look (remote images), not what they are: recreate every thread. */
  rebuildThreads(): Promise<void> {
    for (const key of [...this.rendered.keys()]) this.drop(key);
    return this.invalidate();
  }

  /** Brings the visible documents up to date; runs one at a time, bursts coalesce. */
  refreshVisible(): Promise<void> {
    this.schedule();
    return this.queue;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.queue = this.queue
      .then(() => {
        this.scheduled = false;
        return this.reconcile();
      })
      .catch(() => undefined);
  }

  private async reconcile(): Promise<void> {
    const visible = new Map<string, vscode.TextDocument>();
    for (const e of vscode.window.visibleTextEditors) if (e.document.uri.scheme === 'file') visible.set(e.document.uri.toString(), e.document);
    for (const key of [...this.rendered.keys()]) if (!visible.has(key)) this.drop(key);
    for (const [key, doc] of visible) {
      const done = this.rendered.get(key);
      if (done && done.generation === this.generation && !this.stale.has(key)) continue;
      this.stale.delete(key);
      await this.render(doc);
    }
    this.updateHint();
  }

  /** Feedback placed on lines of this document (after relocation). */
  placedIn(doc: vscode.TextDocument): Placed[] {
    return this.rendered.get(doc.uri.toString())?.placed ?? [];
  }

  private async render(doc: vscode.TextDocument): Promise<void> {
    this.stats.renders++;
    const key = doc.uri.toString();
    const generation = this.generation;
    const placed = await this.place(doc);
    const state = this.rendered.get(key) ?? { generation, placed: [], threads: new Map() };
    state.generation = generation;
    state.placed = placed;
    this.rendered.set(key, state);
    this.apply(doc.uri, state, planThreads(placed));
  }

  private async place(doc: vscode.TextDocument): Promise<Placed[]> {
    if (!this.source.enabled()) return [];
    const located = await this.locate(doc.uri);
    if (!located) return [];
    const { host, items } = await this.source.items();
    const onFile = items.filter(
      (f) => f.path === located.relativePath && located.clone.remotes.some((r) => remoteMatches(r, host, f.repo)),
    );
    if (onFile.length === 0) return [];
    const lines = doc.getText().split(/\r?\n/);
    const placed: Placed[] = [];
    for (const item of onFile) {
      const line = relocateLine(lines, item.line ?? item.originalLine, item.diffHunk);
      if (line) placed.push({ line, item });
    }
    return placed;
  }

  private apply(uri: vscode.Uri, state: RenderedDoc, wanted: ThreadSpec[]): void {
    const changes = diffThreads(state.threads, wanted);
    for (const key of changes.remove) {
      state.threads.get(key)?.thread.dispose();
      state.threads.delete(key);
      this.stats.threadsDisposed++;
    }
    for (const { spec, moved, changed } of changes.keep) {
      const shown = state.threads.get(spec.key)!;
      if (moved) shown.thread.range = lineRange(spec.line);
      if (changed) {
        shown.thread.comments = this.comments(spec.items);
        shown.thread.state = threadState(spec.items);
      }
      if (moved || changed) this.stats.threadsUpdated++;
      shown.line = spec.line;
      shown.signature = spec.signature;
    }
    for (const spec of changes.create) {
      const thread = this.controller.createCommentThread(uri, lineRange(spec.line), this.comments(spec.items));
      thread.canReply = false;
      thread.label = vscode.l10n.t('Past review feedback ({0})', spec.items.length);
      thread.contextValue = 'pastFeedback';
      thread.collapsibleState = opensExpanded(readConfig().expandPastFeedback, spec.items)
        ? vscode.CommentThreadCollapsibleState.Expanded
        : vscode.CommentThreadCollapsibleState.Collapsed;
      thread.state = threadState(spec.items);
      state.threads.set(spec.key, { thread, line: spec.line, signature: spec.signature });
      this.stats.threadsCreated++;
    }
    this.stats.threadsShown = [...this.rendered.values()].reduce((n, d) => n + d.threads.size, 0);
  }

  private comments(items: Feedback[]): vscode.Comment[] {
    const taxonomy = this.source.taxonomy();
    return items.map((f) => ({
      body: feedbackTooltip(f, taxonomy),
      mode: vscode.CommentMode.Preview,
      author: { name: labelField(f.reviewer) },
      timestamp: new Date(f.createdAt),
      label: effectiveTags(f).map((t) => taxonomy.labelOf(t.category)).join(', ') || undefined,
      contextValue: `feedback ${f.id}`,
    }));
  }

  private async locate(uri: vscode.Uri): Promise<{ clone: WorkspaceClone; relativePath: string } | undefined> {
    const clones = await this.clones.get();
    for (const clone of clones) {
      const rel = path.relative(clone.root.fsPath, uri.fsPath);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { clone, relativePath: rel.split(path.sep).join('/') };
    }
    return undefined;
  }

  private drop(key: string): void {
    const state = this.rendered.get(key);
    if (!state) return;
    for (const { thread } of state.threads.values()) {
      thread.dispose();
      this.stats.threadsDisposed++;
    }
    this.rendered.delete(key);
    this.stale.delete(key);
    this.stats.threadsShown = [...this.rendered.values()].reduce((n, d) => n + d.threads.size, 0);
  }

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const here = this.placedIn(doc).filter((p) => p.line === position.line + 1);
    if (here.length === 0) return undefined;
    const taxonomy = this.source.taxonomy();
    return new vscode.Hover(here.map((p) => feedbackTooltip(p.item, taxonomy)));
  }

  /** "3 past review comments" in the status bar while a file with past feedback is active. */
  private updateHint(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const placed = doc ? this.placedIn(doc) : [];
    if (placed.length === 0) {
      this.hint.hide();
      return;
    }
    const first = placed.reduce((a, b) => (a.line <= b.line ? a : b));
    const count = placed.length === 1 ? vscode.l10n.t('1 past review comment') : vscode.l10n.t('{0} past review comments', placed.length);
    this.hint.text = `$(comment-discussion) ${count}`;
    this.hint.tooltip = vscode.l10n.t('Past review feedback on this file, first on line {0}: "{1}". Click to list them.', first.line, labelField(firstLine(first.item.body)));
    this.hint.command = { command: Commands.search, title: vscode.l10n.t('Show past feedback'), arguments: [{ text: first.item.path }] };
    this.hint.show();
  }

  override dispose(): void {
    for (const key of [...this.rendered.keys()]) this.drop(key);
    super.dispose();
  }
}

function lineRange(line: number): vscode.Range {
  return new vscode.Range(line - 1, 0, line - 1, 0);
}

function threadState(items: Feedback[]): vscode.CommentThreadState {
  return items.every((f) => f.isResolved) ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
}

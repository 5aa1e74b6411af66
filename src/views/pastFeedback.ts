// Past feedback in the editor: read-only comment threads (shown inline, in the
// gutter and in the Comments panel), a hover on commented lines, and a status
// bar hint that counts past comments on the active file. Lines are relocated through the diff
// hunk, so a comment follows its code when lines move.
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { Feedback } from '../core/model';
import { effectiveTags } from '../core/model';
import type { Taxonomy } from '../core/taxonomy';
import { relocateLine } from '../core/relocate';
import { remoteMatches } from '../core/remotes';
import { firstLine } from '../core/browse/text';
import { workspaceClones, type WorkspaceClone } from './workspaceRepos';
import { feedbackTooltip } from './feedbackMarkdown';
import { Commands } from './commandIds';

export interface PastFeedbackSource {
  /** Feedback to look through (the selected engineer's), with the host it came from. */
  items(): Promise<{ host: string; items: Feedback[] }>;
  taxonomy(): Taxonomy;
  enabled(): boolean;
}

export interface PlacedFeedback {
  line: number; // 1-based
  item: Feedback;
}

export class PastFeedbackController implements vscode.Disposable, vscode.HoverProvider {
  private readonly controller = vscode.comments.createCommentController('reviewMentor.pastFeedback', 'Past review feedback');
  private readonly threads = new Map<string, vscode.CommentThread[]>();
  private readonly placed = new Map<string, PlacedFeedback[]>();
  private readonly hint = vscode.window.createStatusBarItem('reviewMentor.pastFeedback', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private clones: Promise<WorkspaceClone[]> | undefined;

  constructor(private readonly source: PastFeedbackSource) {
    this.controller.options = { placeHolder: 'Past review feedback is read-only.' };
    this.subscriptions.push(
      this.controller,
      this.hint,
      vscode.window.onDidChangeVisibleTextEditors(() => void this.refreshVisible()),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateHint()),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.clones = undefined;
        void this.refreshVisible();
      }),
      vscode.languages.registerHoverProvider({ scheme: 'file' }, this),
    );
    this.hint.name = 'Review Mentor: past feedback on this file';
  }

  private queue: Promise<void> = Promise.resolve();

  /** Refreshes run one after another, so two can never create the same threads twice. */
  refreshVisible(): Promise<void> {
    this.queue = this.queue.then(() => this.doRefreshVisible()).catch(() => undefined);
    return this.queue;
  }

  private async doRefreshVisible(): Promise<void> {
    const docs = new Set(vscode.window.visibleTextEditors.map((e) => e.document));
    for (const key of [...this.threads.keys()]) {
      if (![...docs].some((d) => d.uri.toString() === key)) this.clear(vscode.Uri.parse(key));
    }
    for (const doc of docs) await this.refresh(doc);
    this.updateHint();
  }

  /** Feedback placed on lines of this document (after relocation). */
  placedIn(doc: vscode.TextDocument): PlacedFeedback[] {
    return this.placed.get(doc.uri.toString()) ?? [];
  }

  private async refresh(doc: vscode.TextDocument): Promise<void> {
    this.clear(doc.uri);
    if (!this.source.enabled() || doc.uri.scheme !== 'file') return;
    const located = await this.locate(doc.uri);
    if (!located) return;
    const { host, items } = await this.source.items();
    const onFile = items.filter(
      (f) => f.path === located.relativePath && located.clone.remotes.some((r) => remoteMatches(r, host, f.repo)),
    );
    if (onFile.length === 0) return;
    const lines = doc.getText().split(/\r?\n/);
    const placed: PlacedFeedback[] = [];
    for (const item of onFile) {
      const line = relocateLine(lines, item.line ?? item.originalLine, item.diffHunk);
      if (line) placed.push({ line, item });
    }
    this.placed.set(doc.uri.toString(), placed);
    this.threads.set(doc.uri.toString(), this.createThreads(doc.uri, placed));
  }

  private createThreads(uri: vscode.Uri, placed: PlacedFeedback[]): vscode.CommentThread[] {
    const byLine = new Map<number, Feedback[]>();
    for (const p of placed) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p.item]);
    const taxonomy = this.source.taxonomy();
    return [...byLine].map(([line, items]) => {
      const comments: vscode.Comment[] = items
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((f) => ({
          body: feedbackTooltip(f, taxonomy),
          mode: vscode.CommentMode.Preview,
          author: { name: f.reviewer },
          timestamp: new Date(f.createdAt),
          label: effectiveTags(f).map((t) => taxonomy.labelOf(t.category)).join(', ') || undefined,
          contextValue: `feedback ${f.id}`,
        }));
      const thread = this.controller.createCommentThread(uri, new vscode.Range(line - 1, 0, line - 1, 0), comments);
      thread.canReply = false;
      thread.label = `Past review feedback (${items.length})`;
      thread.contextValue = 'pastFeedback';
      thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
      thread.state = items.every((f) => f.isResolved) ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
      return thread;
    });
  }

  private async locate(uri: vscode.Uri): Promise<{ clone: WorkspaceClone; relativePath: string } | undefined> {
    this.clones ??= workspaceClones();
    const clones = await this.clones;
    for (const clone of clones) {
      const rel = path.relative(clone.root.fsPath, uri.fsPath);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { clone, relativePath: rel.split(path.sep).join('/') };
    }
    return undefined;
  }

  private clear(uri: vscode.Uri): void {
    this.threads.get(uri.toString())?.forEach((t) => t.dispose());
    this.threads.delete(uri.toString());
    this.placed.delete(uri.toString());
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
    this.hint.text = `$(comment-discussion) ${placed.length} past review comment${placed.length === 1 ? '' : 's'}`;
    this.hint.tooltip = `Past review feedback on this file, first on line ${first.line}: "${firstLine(first.item.body)}". Click to list them.`;
    this.hint.command = { command: Commands.search, title: 'Show past feedback', arguments: [{ text: first.item.path }] };
    this.hint.show();
  }

  dispose(): void {
    for (const list of this.threads.values()) list.forEach((t) => t.dispose());
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

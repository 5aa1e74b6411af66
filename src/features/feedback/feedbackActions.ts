// Actions on one feedback item: open at its line in a workspace clone (or a
// read-only preview of the diff hunk), open on GitHub, copy as Markdown,
// mark as learned.
import * as vscode from 'vscode';
import type { EngineerRef, Feedback } from '../../core/model';
import { effectiveTags } from '../../core/model';
import type { Taxonomy } from '../../core/taxonomy';
import { relocateLine } from '../../core/relocate';
import { stripMarkers } from '../../core/markers';
import { findClone } from '../pastFeedback/workspaceRepos';
import type { JournalService } from '../journal/journalService';

export const PREVIEW_SCHEME = 'review-mentor-feedback';

/** Serves read-only previews of a comment with its diff hunk. */
export class FeedbackPreviewProvider implements vscode.TextDocumentContentProvider {
  private readonly items = new Map<string, Feedback>();

  register(item: Feedback): vscode.Uri {
    this.items.set(item.id, item);
    const name = (item.path ?? `${item.repo}#${item.prNumber}`).split('/').pop() ?? 'comment';
    return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${item.repo}/${item.prNumber}/${name}.diff`, query: item.id });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const f = this.items.get(uri.query);
    if (!f) return 'This preview is no longer available. Open the comment again from the Feedback view.';
    const header = [
      `# ${f.reviewer} on ${f.repo}#${f.prNumber}${f.prTitle ? ` — ${f.prTitle}` : ''}`,
      `# ${f.path ?? '(no file)'}${f.line ? `:${f.line}` : ''}   ${f.url}`,
      '#',
      ...stripMarkers(f.body).split(/\r?\n/).map((l) => `# ${l}`),
      '',
    ];
    return [...header, f.diffHunk ?? '(This comment is not attached to a diff.)', ''].join('\n');
  }
}

export async function openFeedback(item: Feedback, host: string, previews: FeedbackPreviewProvider): Promise<void> {
  if (item.path) {
    const root = await findClone(host, item.repo);
    if (root) {
      const uri = vscode.Uri.joinPath(root, ...item.path.split('/'));
      try {
        const doc = await vscode.workspace.openTextDocument(uri);
        const line = relocateLine(doc.getText().split(/\r?\n/), item.line ?? item.originalLine, item.diffHunk) ?? item.line ?? 1;
        const pos = new vscode.Position(Math.max(0, Math.min(line - 1, doc.lineCount - 1)), 0);
        await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preview: true });
        return;
      } catch {
        // The file is gone from this clone; the preview below still shows the context.
      }
    }
  }
  const doc = await vscode.workspace.openTextDocument(previews.register(item));
  await vscode.languages.setTextDocumentLanguage(doc, 'diff');
  await vscode.window.showTextDocument(doc, { preview: true });
}

export async function openOnGitHub(item: Feedback): Promise<void> {
  const uri = vscode.Uri.parse(item.url);
  if (uri.scheme !== 'https' && uri.scheme !== 'http') {
    void vscode.window.showWarningMessage(vscode.l10n.t('This comment has no web address to open.'));
    return;
  }
  await vscode.env.openExternal(uri);
}

export function feedbackAsMarkdown(item: Feedback, taxonomy: Taxonomy): string {
  const tags = effectiveTags(item).map((t) => taxonomy.labelOf(t.category));
  const where = item.path ? ` on \`${item.path}${item.line ? `:${item.line}` : ''}\`` : '';
  const quoted = stripMarkers(item.body)
    .split(/\r?\n/)
    .map((l) => `> ${l}`)
    .join('\n');
  return [
    `**${item.reviewer}** on [${item.repo}#${item.prNumber}](${item.url})${where} (${item.createdAt.slice(0, 10)})${tags.length ? ` — ${tags.join(', ')}` : ''}`,
    '',
    quoted,
    '',
  ].join('\n');
}

export async function copyAsMarkdown(items: Feedback[], taxonomy: Taxonomy): Promise<void> {
  await vscode.env.clipboard.writeText(items.map((i) => feedbackAsMarkdown(i, taxonomy)).join('\n'));
  const copied = items.length === 1 ? vscode.l10n.t('Copied 1 comment as Markdown') : vscode.l10n.t('Copied {0} comments as Markdown', items.length);
  vscode.window.setStatusBarMessage(`$(check) ${copied}`, 3000);
}

/** Toggles "learned"; the state lives in the journal, so other windows see it. */
export async function toggleLearned(journals: JournalService, engineer: EngineerRef, items: Feedback[]): Promise<void> {
  const learn = items.some((i) => !i.learnedAt);
  const at = new Date().toISOString();
  await journals.write(engineer, (h) =>
    h.updateFeedback(
      items.map((i) => i.id),
      (f) => {
        if (learn) f.learnedAt = at;
        else delete f.learnedAt;
      },
    ),
  );
}

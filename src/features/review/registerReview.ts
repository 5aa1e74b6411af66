// Entry points of the review flow: the command (also in the Feedback view's
// title and the Engineers view's context menu), a status bar count, and a
// vscode:// link that exported summaries use. All open the journal panel on
// its "Review suggestions" tab.
import * as vscode from 'vscode';
import type { App } from '../../app';
import type { EngineerRef } from '../../core/model';
import { countToReview, defaultDirection } from '../../core/review';
import { Commands } from '../../platform/commandIds';
import { reportErrors } from '../../platform/reportErrors';
import type { JournalPanels } from '../journal';

/** Path of the vscode:// link to the review flow (see core/summary's reviewLink). */
export const REVIEW_URI_PATH = '/review';

export function registerReviewFeature(app: App, panels: JournalPanels): void {
  const open = async (engineer: EngineerRef | undefined) => {
    const e = engineer ?? app.engineers.selected();
    if (!e) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Sign in or open the demo data first: the review flow works on an engineer\'s feedback.'));
      return;
    }
    await panels.show(e).controller.show('review');
  };
  const status = new ReviewStatusBar(app);
  app.context.subscriptions.push(
    status,
    vscode.commands.registerCommand(Commands.reviewSuggestions, reportErrors(app.log, (arg?: unknown) => open(engineerFrom(arg)))),
    vscode.window.registerUriHandler({
      handleUri: (uri) => {
        if (uri.path !== REVIEW_URI_PATH) return;
        const q = new URLSearchParams(uri.query);
        const login = q.get('login');
        const host = q.get('host');
        const known = app.engineers.all().find((e) => login && e.login.toLowerCase() === login.toLowerCase() && (!host || e.host === host));
        void open(known);
      },
    }),
  );
}

function engineerFrom(arg: unknown): EngineerRef | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  const e = (a.engineer ?? a) as Record<string, unknown>;
  return typeof e.login === 'string' && typeof e.host === 'string' ? { login: e.login, host: e.host } : undefined;
}

/** "$(checklist) 273 to review" for the selected engineer; hidden when nothing waits. */
class ReviewStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('reviewMentor.review', vscode.StatusBarAlignment.Left, 49);
  private readonly subscriptions: vscode.Disposable[];
  private pending = false;

  constructor(private readonly app: App) {
    this.item.name = vscode.l10n.t('Review Mentor: suggestions to review');
    this.item.command = Commands.reviewSuggestions;
    this.subscriptions = [app.journals.onDidChange(() => this.schedule()), app.engineers.onDidChange(() => this.schedule())];
    this.schedule();
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => {
      this.pending = false;
      void this.update();
    }, 200);
  }

  private async update(): Promise<void> {
    const e = this.app.engineers.selected();
    if (!e) return void this.item.hide();
    try {
      const items = await this.app.feedbackOf(e);
      const direction = defaultDirection(items, e.login);
      const n = countToReview(items, e.login, direction);
      if (n === 0) return void this.item.hide();
      this.item.text = `$(checklist) ${vscode.l10n.t('{0} to review', n)}`;
      this.item.tooltip =
        direction === 'received'
          ? vscode.l10n.t('{0} comments received by {1} have no confirmed tag. Click to review the suggestions with the keyboard.', n, e.login)
          : vscode.l10n.t('{0} comments given by {1} have no confirmed tag. Click to review the suggestions with the keyboard.', n, e.login);
      this.item.accessibilityInformation = { label: vscode.l10n.t('{0} comments to review. Open the review flow.', n) };
      this.item.show();
    } catch (err) {
      this.app.log.warn(`Review count: ${err instanceof Error ? err.message : String(err)}`);
      this.item.hide();
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}

// One status bar item that says where sync stands, with a tooltip for detail.
import * as vscode from 'vscode';
import { formatDistanceToNow } from 'date-fns';

export type SyncState =
  | { kind: 'signing-in' }
  | { kind: 'signed-out' }
  | { kind: 'demo' }
  /** `warnings`: engineers whose sync failed, problems GitHub reported (shown in the tooltip). */
  | { kind: 'idle'; lastSync?: Date; warnings?: string[] }
  | { kind: 'syncing'; message: string }
  | { kind: 'rate-limited'; resumesAt: Date }
  | { kind: 'error'; message: string; lastSync?: Date }
  /** GitHub cannot be reached; still signed in as before, retrying by itself. */
  | { kind: 'offline'; message: string; lastSync?: Date };

export class SyncStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('reviewMentor.status', vscode.StatusBarAlignment.Left, 50);
  // Until the start-up sign-in check answers, say so rather than "sign in".
  private state: SyncState = { kind: 'signing-in' };
  private readonly ticker = setInterval(() => this.render(), 60_000);

  constructor() {
    this.item.name = vscode.l10n.t('Review Mentor');
    this.render();
    this.item.show();
  }

  get current(): SyncState {
    return this.state;
  }

  set(state: SyncState): void {
    this.state = state;
    this.render();
  }

  private render(): void {
    const s = this.state;
    this.item.backgroundColor = undefined;
    switch (s.kind) {
      case 'signing-in':
        this.item.text = `$(sync~spin) ${vscode.l10n.t('Review Mentor: signing in…')}`;
        this.item.tooltip = vscode.l10n.t('Review Mentor is checking your GitHub sign-in.');
        this.item.command = 'reviewMentor.showLog';
        break;
      case 'signed-out':
        this.item.text = `$(comment-discussion) ${vscode.l10n.t('Review Mentor: sign in')}`;
        this.item.tooltip = vscode.l10n.t('Review Mentor is not signed in to GitHub. Click to sign in.');
        this.item.command = 'reviewMentor.signIn';
        break;
      case 'demo':
        this.item.text = `$(beaker) ${vscode.l10n.t('Review Mentor: demo data')}`;
        this.item.tooltip = vscode.l10n.t('Showing built-in demo data. Sign in to see your own feedback.');
        this.item.command = 'reviewMentor.signIn';
        break;
      case 'idle':
        this.item.text = `${s.warnings?.length ? '$(warning)' : '$(comment-discussion)'} ${s.lastSync ? vscode.l10n.t('Synced {0}', ago(s.lastSync)) : vscode.l10n.t('Not synced yet')}`;
        this.item.tooltip = [
          s.lastSync ? vscode.l10n.t('Review Mentor: last synced {0}.', s.lastSync.toLocaleString(vscode.env.language)) : vscode.l10n.t('Review Mentor.'),
          ...(s.warnings ?? []),
          vscode.l10n.t('Click to sync now.'),
        ].join('\n');
        this.item.command = 'reviewMentor.sync';
        break;
      case 'syncing':
        this.item.text = `$(sync~spin) ${vscode.l10n.t('Review Mentor: {0}', s.message)}`;
        this.item.tooltip = vscode.l10n.t('Syncing review feedback from GitHub. Click to show the log.');
        this.item.command = 'reviewMentor.showLog';
        break;
      case 'rate-limited':
        this.item.text = `$(watch) ${vscode.l10n.t('Review Mentor: resumes {0}', s.resumesAt.toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit' }))}`;
        this.item.tooltip = vscode.l10n.t("GitHub's rate limit was reached. Sync resumes by itself at {0}.", s.resumesAt.toLocaleTimeString(vscode.env.language));
        this.item.command = 'reviewMentor.showLog';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'offline':
        this.item.text = `$(cloud-offline) ${vscode.l10n.t('Review Mentor: offline')}`;
        this.item.tooltip = [
          vscode.l10n.t('GitHub cannot be reached: {0}', s.message),
          vscode.l10n.t('Still signed in; Review Mentor tries again by itself.'),
          ...(s.lastSync ? [vscode.l10n.t('Last good sync: {0}', s.lastSync.toLocaleString(vscode.env.language))] : []),
          vscode.l10n.t('Click to show the log.'),
        ].join('\n');
        this.item.command = 'reviewMentor.showLog';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'error':
        this.item.text = `$(warning) ${vscode.l10n.t('Review Mentor: sync failed')}`;
        this.item.tooltip = [s.message, ...(s.lastSync ? [vscode.l10n.t('Last good sync: {0}', s.lastSync.toLocaleString(vscode.env.language))] : []), vscode.l10n.t('Click to show the log.')].join('\n');
        this.item.command = 'reviewMentor.showLog';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
      default: {
        const never: never = s;
        throw new Error(`Unhandled state ${JSON.stringify(never)}`);
      }
    }
  }

  dispose(): void {
    clearInterval(this.ticker);
    this.item.dispose();
  }
}

/** "5 minutes ago": date-fns in English, the display language's own words otherwise. */
function ago(date: Date): string {
  const language = vscode.env.language;
  if (language.startsWith('en')) return formatDistanceToNow(date, { addSuffix: true });
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86_400], ['hour', 3_600], ['minute', 60]];
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(Math.round(seconds / size), unit);
}

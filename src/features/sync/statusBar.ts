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
    this.item.name = 'Review Mentor';
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
        this.item.text = '$(sync~spin) Review Mentor: signing in…';
        this.item.tooltip = 'Review Mentor is checking your GitHub sign-in.';
        this.item.command = 'reviewMentor.showLog';
        break;
      case 'signed-out':
        this.item.text = '$(comment-discussion) Review Mentor: sign in';
        this.item.tooltip = 'Review Mentor is not signed in to GitHub. Click to sign in.';
        this.item.command = 'reviewMentor.signIn';
        break;
      case 'demo':
        this.item.text = '$(beaker) Review Mentor: demo data';
        this.item.tooltip = 'Showing built-in demo data. Sign in to see your own feedback.';
        this.item.command = 'reviewMentor.signIn';
        break;
      case 'idle':
        this.item.text = `${s.warnings?.length ? '$(warning)' : '$(comment-discussion)'} ${s.lastSync ? `Synced ${ago(s.lastSync)}` : 'Not synced yet'}`;
        this.item.tooltip = `Review Mentor${s.lastSync ? `: last synced ${s.lastSync.toLocaleString()}` : ''}.${s.warnings?.length ? `\n${s.warnings.join('\n')}` : ''}\nClick to sync now.`;
        this.item.command = 'reviewMentor.sync';
        break;
      case 'syncing':
        this.item.text = `$(sync~spin) Review Mentor: ${s.message}`;
        this.item.tooltip = 'Syncing review feedback from GitHub. Click to show the log.';
        this.item.command = 'reviewMentor.showLog';
        break;
      case 'rate-limited':
        this.item.text = `$(watch) Review Mentor: resumes ${s.resumesAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
        this.item.tooltip = `GitHub's rate limit was reached. Sync resumes by itself at ${s.resumesAt.toLocaleTimeString()}.`;
        this.item.command = 'reviewMentor.showLog';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'offline':
        this.item.text = '$(cloud-offline) Review Mentor: offline';
        this.item.tooltip = `GitHub cannot be reached: ${s.message}\nStill signed in; Review Mentor tries again by itself.${s.lastSync ? `\nLast good sync: ${s.lastSync.toLocaleString()}` : ''}\nClick to show the log.`;
        this.item.command = 'reviewMentor.showLog';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'error':
        this.item.text = '$(warning) Review Mentor: sync failed';
        this.item.tooltip = `${s.message}${s.lastSync ? `\nLast good sync: ${s.lastSync.toLocaleString()}` : ''}\nClick to show the log.`;
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

function ago(date: Date): string {
  return formatDistanceToNow(date, { addSuffix: true });
}

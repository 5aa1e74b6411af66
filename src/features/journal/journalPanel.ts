// The journal panel host: one WebviewPanel per engineer, created or revealed
// by `reviewMentor.openJournal`, restored across reloads by the serializer.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { EngineerRef } from '../../core/model';
import { parseViewState } from '../../protocol';
import type { JournalPanelBackend, PanelLogger } from './backend';
import { journalHtml } from './html';
import { JournalController } from './journalController';

export const JOURNAL_VIEW_TYPE = 'reviewMentor.journal';

function keyOf(e: EngineerRef): string {
  return `${e.host}/${e.login.toLowerCase()}`;
}

const journalTitle = (e: EngineerRef): string => vscode.l10n.t('Journal — {0}', e.login);

export class JournalPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  readonly controller: JournalController;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly engineer: EngineerRef,
    private readonly extensionUri: vscode.Uri,
    backend: JournalPanelBackend,
    log: PanelLogger,
    remoteImages: boolean,
  ) {
    const webview = panel.webview;
    // Set again on restore: the serializer gets a panel with default options.
    webview.options = { enableScripts: true, localResourceRoots: [this.root] };
    panel.title = journalTitle(engineer);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-bar.svg');
    this.load(remoteImages);
    this.controller = new JournalController(engineer, webview, backend, log);
    this.disposables.push(
      this.controller,
      this.closed,
      // Hidden without retained context means the page is gone; it says `ready` again when shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.controller.webviewGone();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private get root(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
  }

  /** (Re)loads the page; its CSP depends on `remoteImages`. The page says `ready` and gets a fresh snapshot. */
  load(remoteImages: boolean): void {
    const webview = this.panel.webview;
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.root, name)).toString();
    webview.html = journalHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: asset('journal.js'),
      styleUris: [asset('codicon.css'), asset('journal.css')],
      title: this.panel.title,
      remoteImages,
      loading: vscode.l10n.t('Loading journal…'),
      l10n: vscode.l10n.bundle,
      language: vscode.env.language,
    });
  }

  reveal(): void {
    this.panel.reveal();
  }

  private isDisposed = false;

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.closed.fire();
    this.disposables.splice(0).forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

/** Owns the open journal panels, at most one per engineer. */
export class JournalPanels implements vscode.Disposable {
  private readonly open = new Map<string, JournalPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly backend: JournalPanelBackend,
    private readonly log: PanelLogger,
    /** reviewMentor.render.remoteImages */
    private readonly remoteImages: () => boolean = () => false,
  ) {}

  /** Reloads every open page, after the remote-images setting changed. */
  reloadPages(): void {
    for (const p of this.open.values()) {
      p.controller.webviewGone();
      p.load(this.remoteImages());
    }
  }

  show(engineer: EngineerRef, column: vscode.ViewColumn = vscode.ViewColumn.Active): JournalPanel {
    const existing = this.open.get(keyOf(engineer));
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(JOURNAL_VIEW_TYPE, journalTitle(engineer), column, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
    });
    return this.adopt(panel, engineer);
  }

  /** Called by the serializer with the state the webview saved through setState. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const s = parseViewState(state);
    if (!s.login || !s.host) {
      this.log.warn('journal panel: cannot restore a panel without a saved engineer; closing it');
      panel.dispose();
      return;
    }
    const engineer = { login: s.login, host: s.host };
    const existing = this.open.get(keyOf(engineer));
    if (existing) {
      panel.dispose();
      existing.reveal();
      return;
    }
    this.adopt(panel, engineer);
  }

  private adopt(panel: vscode.WebviewPanel, engineer: EngineerRef): JournalPanel {
    const p = new JournalPanel(panel, engineer, this.extensionUri, this.backend, this.log, this.remoteImages());
    const key = keyOf(engineer);
    this.open.set(key, p);
    p.onDidClose(() => {
      if (this.open.get(key) === p) this.open.delete(key);
    });
    return p;
  }

  dispose(): void {
    [...this.open.values()].forEach((p) => p.dispose());
    this.open.clear();
  }
}

export class JournalPanelSerializer implements vscode.WebviewPanelSerializer {
  constructor(private readonly panels: JournalPanels) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.panels.restore(panel, state);
  }
}

// The "My reviews" panel host: one WebviewPanel per reviewer, created or
// revealed by `reviewMentor.openMyReviews`, restored across reloads by the
// serializer. Same page and CSP as the journal panel, its own bundle.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { EngineerRef } from '../../core/model';
import { parseMirrorViewState } from '../../protocol/mirror';
import { journalHtml } from '../journal/html';
import type { MirrorBackend, PanelLogger } from './backend';
import { MirrorController } from './mirrorController';
import { MIRROR_VIEW_TYPE } from './viewType';

export { MIRROR_VIEW_TYPE };

function keyOf(e: EngineerRef): string {
  return `${e.host}/${e.login.toLowerCase()}`;
}

const mirrorTitle = (e: EngineerRef): string => vscode.l10n.t('My reviews — {0}', e.login);

export class MirrorPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  readonly controller: MirrorController;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;
  private isDisposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly reviewer: EngineerRef,
    private readonly extensionUri: vscode.Uri,
    backend: MirrorBackend,
    log: PanelLogger,
    remoteImages: boolean,
  ) {
    // Set again on restore: the serializer gets a panel with default options.
    panel.webview.options = { enableScripts: true, localResourceRoots: [this.root] };
    panel.title = mirrorTitle(reviewer);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activity-bar.svg');
    this.load(remoteImages);
    this.controller = new MirrorController(reviewer, panel.webview, backend, log);
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

  /** (Re)loads the page; its CSP depends on `remoteImages` (reviewMentor.render.remoteImages), as the journal's does. */
  load(remoteImages: boolean): void {
    const webview = this.panel.webview;
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.root, name)).toString();
    webview.html = journalHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: asset('mirror.js'),
      styleUris: [asset('codicon.css'), asset('mirror.css')],
      title: this.panel.title,
      loading: vscode.l10n.t('Loading your reviews…'),
      remoteImages,
      l10n: vscode.l10n.bundle,
      language: vscode.env.language,
    });
  }

  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.closed.fire();
    this.disposables.splice(0).forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

export class MirrorPanels implements vscode.Disposable {
  private readonly open = new Map<string, MirrorPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly backend: MirrorBackend,
    private readonly log: PanelLogger,
    private readonly remoteImages: () => boolean = () => false,
  ) {}

  /** Reloads every open page, after the remote-images setting changed. */
  reloadPages(): void {
    for (const p of this.open.values()) p.load(this.remoteImages());
  }

  show(reviewer: EngineerRef): MirrorPanel {
    const existing = this.open.get(keyOf(reviewer));
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(MIRROR_VIEW_TYPE, mirrorTitle(reviewer), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
    });
    return this.adopt(panel, reviewer);
  }

  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const s = parseMirrorViewState(state);
    if (!s.login || !s.host) {
      this.log.warn('my reviews panel: cannot restore a panel without a saved reviewer; closing it');
      panel.dispose();
      return;
    }
    const reviewer = { login: s.login, host: s.host };
    const existing = this.open.get(keyOf(reviewer));
    if (existing) {
      panel.dispose();
      existing.reveal();
      return;
    }
    this.adopt(panel, reviewer);
  }

  private adopt(panel: vscode.WebviewPanel, reviewer: EngineerRef): MirrorPanel {
    const p = new MirrorPanel(panel, reviewer, this.extensionUri, this.backend, this.log, this.remoteImages());
    const key = keyOf(reviewer);
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

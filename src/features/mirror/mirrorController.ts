// The "My reviews" panel's message handling, free of `vscode` so it runs in
// plain Node tests. MirrorPanel owns the WebviewPanel and feeds this class.
import type { EngineerRef } from '../../core/model';
import { collectGiven } from '../../core/mirror';
import { assertNever } from '../../protocol';
import { parseMirrorWebviewMessage, type MirrorHostMessage, type MirrorRequest, type MirrorSnapshot, type MirrorViewState } from '../../protocol/mirror';
import { isOpenableUrl, type WebviewPort } from '../journal/journalController';
import type { DisposableLike, MirrorBackend, PanelLogger } from './backend';
import * as l10n from '@vscode/l10n';

export interface MirrorPort {
  postMessage(message: MirrorHostMessage): PromiseLike<boolean>;
  onDidReceiveMessage: WebviewPort['onDidReceiveMessage'];
}

export class MirrorController implements DisposableLike {
  private ready = false;
  private disposed = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: DisposableLike[] = [];
  /** The view state the webview last reported (period, person). */
  lastViewState: MirrorViewState | undefined;

  constructor(
    readonly reviewer: EngineerRef,
    private readonly port: MirrorPort,
    private readonly backend: MirrorBackend,
    private readonly log: PanelLogger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.disposables.push(
      port.onDidReceiveMessage((m) => void this.receive(m)),
      // Any journal on this host may hold comments the reviewer gave.
      backend.onDidChange((e) => {
        if (e.host === reviewer.host) this.scheduleRefresh();
      }),
    );
  }

  webviewGone(): void {
    this.ready = false;
  }

  get isReady(): boolean {
    return this.ready;
  }

  async receive(raw: unknown): Promise<void> {
    const parsed = parseMirrorWebviewMessage(raw);
    if (!parsed.ok) {
      this.log.warn(`my reviews panel: ${parsed.error}`);
      return;
    }
    const msg = parsed.message;
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        await this.refresh();
        return;
      case 'view/stateChanged':
        this.lastViewState = msg.state;
        return;
      default:
        await this.answer(msg);
    }
  }

  private async answer(req: MirrorRequest): Promise<void> {
    let response: MirrorHostMessage;
    try {
      await this.handle(req);
      response = { type: 'response', requestId: req.requestId, ok: true };
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 2_000);
      this.log.warn(`my reviews panel: ${req.type} failed: ${error}`);
      response = { type: 'response', requestId: req.requestId, ok: false, error };
    }
    await this.post(response);
  }

  private async handle(req: MirrorRequest): Promise<void> {
    const b = this.backend;
    switch (req.type) {
      case 'mirror/openComment': {
        // The comment and its URL come from the journals, never from the message.
        const item = collectGiven(this.reviewer.login, await b.journals(this.reviewer)).items.find((f) => f.id === req.feedbackId);
        if (!item) throw new Error(l10n.t('That comment is no longer in the journals.'));
        if (req.where === 'editor') return b.openInEditor(this.reviewer, item);
        if (!isOpenableUrl(item.url, new Set(['https:', 'http:']))) throw new Error(l10n.t('The comment has no web address.'));
        await b.openExternal(item.url);
        return;
      }
      case 'link/open':
        if (!isOpenableUrl(req.url)) throw new Error(l10n.t('Only http, https and mailto links can be opened.'));
        await b.openExternal(req.url);
        return;
      case 'export/open':
        await b.openExport(this.reviewer, req.period);
        return;
      default:
        return assertNever(req);
    }
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), 50);
  }

  async refresh(): Promise<void> {
    if (!this.ready || this.disposed) return;
    try {
      await this.post({ type: 'mirror/didChange', snapshot: await this.snapshot() });
    } catch (err) {
      this.log.error(`my reviews panel: could not load the reviews of ${this.reviewer.login}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async snapshot(): Promise<MirrorSnapshot> {
    const given = collectGiven(this.reviewer.login, await this.backend.journals(this.reviewer));
    return {
      reviewer: { login: this.reviewer.login, host: this.reviewer.host },
      items: given.items,
      categories: [...this.backend.categories()],
      now: this.clock().toISOString(),
      ...(this.backend.language ? { language: this.backend.language().slice(0, 64) } : {}),
      sources: { journals: given.journals, onlyInOthers: given.onlyInOthers },
    };
  }

  private async post(message: MirrorHostMessage): Promise<void> {
    if (this.disposed) return;
    const delivered = await this.port.postMessage(message);
    if (!delivered) this.log.warn(`my reviews panel: ${message.type} not delivered (webview hidden or closed)`);
  }

  dispose(): void {
    this.disposed = true;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.disposables.splice(0).forEach((d) => d.dispose());
  }
}

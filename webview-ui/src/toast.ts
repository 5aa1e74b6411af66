// A small toast at the bottom of the panel: confirmations with an Undo button,
// and errors from the host. Announced to screen readers via role status/alert.
import { html, nothing, render } from 'lit';
import * as l10n from '@vscode/l10n';

export interface ToastOptions {
  error?: boolean;
  action?: { label: string; run: () => void };
}

export class Toast {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly el: HTMLElement) {}

  show(message: string, o: ToastOptions = {}): void {
    if (this.timer) clearTimeout(this.timer);
    render(
      html`<div class="toast ${o.error ? 'error' : ''}" role=${o.error ? 'alert' : 'status'} data-testid="toast">
        <span class="codicon codicon-${o.error ? 'error' : 'info'}" aria-hidden="true"></span>
        <span class="toast-text">${message}</span>
        ${o.action ? html`<vscode-button id="toast-action" @click=${() => { this.hide(); o.action!.run(); }}>${o.action.label}</vscode-button>` : nothing}
        <button class="icon-btn" aria-label=${l10n.t('Dismiss')} @click=${() => this.hide()}><span class="codicon codicon-close" aria-hidden="true"></span></button>
      </div>`,
      this.el,
    );
    this.schedule(o.action ? 12_000 : 6_000);
  }

  private schedule(ms: number): void {
    // Never hide under the keyboard: wait while focus is inside the toast.
    this.timer = setTimeout(() => (this.el.contains(document.activeElement) ? this.schedule(2_000) : this.hide()), ms);
  }

  hide(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    render(nothing, this.el);
  }
}

// The journal panel: owns the snapshot and view state, renders the tabs, and
// routes requests to the host. Views receive an AppContext, not the app.
import { html, nothing, render, type TemplateResult } from 'lit';
import { parseViewState, TABS, type JournalSnapshot, type TabId, type UnshownFeedback, type ViewState } from '../../src/protocol';
import type { AppContext } from './context';
import { GoalsView } from './goals';
import { OverviewView } from './overview';
import { ReviewView } from './review';
import { TimelineView } from './timeline';
import { Toast } from './toast';
import { HostBridge, type RequestInput } from './vscode';
import { setDateLanguage } from './dates';
import * as l10n from '@vscode/l10n';

/** Computed at render time: the translations are configured after the modules load. */
const tabLabel = (tab: TabId): string => ({ overview: l10n.t('Overview'), timeline: l10n.t('Timeline'), goals: l10n.t('Goals & actions'), review: l10n.t('Review suggestions') })[tab];

export class JournalApp {
  private readonly bridge: HostBridge;
  private snapshot: JournalSnapshot | undefined;
  private unshown: UnshownFeedback[] = [];
  private clipped: ReadonlySet<string> = new Set();
  private state: ViewState;
  private readonly overview = new OverviewView();
  private readonly timeline = new TimelineView();
  private readonly goals = new GoalsView();
  private readonly review = new ReviewView();
  /** Focus the review flow after the next render (opened by a command or a click). */
  private focusReview = false;
  private readonly toast: Toast;
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  private renderedTab: TabId | undefined;

  constructor(private readonly root: HTMLElement, toastRoot: HTMLElement) {
    this.toast = new Toast(toastRoot);
    this.bridge = new HostBridge(
      (s, unshown) => this.onSnapshot(s, unshown),
      (tab) => this.show(tab),
    );
    this.state = parseViewState(this.bridge.getState());
  }

  start(): void {
    this.root.replaceChildren(); // drop the static "Loading…" placeholder; Lit owns the root from now on
    this.render();
    this.watchTheme();
    window.addEventListener('resize', () => {
      this.timeline.fitViewport();
      this.timeline.renderRows();
    });
    // Links in comment bodies: the host opens them (after checking the scheme); the page never navigates.
    document.addEventListener('click', (e) => {
      const a = (e.composedPath()[0] as Element | undefined)?.closest?.('a');
      if (!a) return;
      e.preventDefault();
      const href = a.getAttribute('href');
      if (href && /^(https?:|mailto:)/i.test(href)) void this.request({ type: 'link/open', url: href });
    });
    this.bridge.notify({ type: 'ready' });
  }

  private onSnapshot(s: JournalSnapshot, unshown: UnshownFeedback[]): void {
    const first = !this.snapshot;
    this.snapshot = s;
    setDateLanguage(s.language);
    this.unshown = unshown;
    this.clipped = new Set(s.clipped ?? []);
    this.persist({ login: s.engineer.login, host: s.engineer.host });
    this.render();
    if (!first) this.timeline.refresh();
    performance.mark('journal:rendered');
  }

  /** Opens a tab on the host's word (the review flow from a command, the status bar, the Feedback view). */
  show(tab: TabId): void {
    this.focusReview = tab === 'review';
    this.persist({ tab });
    this.render();
  }

  private context(snapshot: JournalSnapshot): AppContext {
    const labels = new Map(snapshot.categories.map((c) => [c.id, c.label]));
    const app = this;
    return {
      snapshot,
      unshown: this.unshown,
      clipped: this.clipped,
      // Live: views keep the context between renders while persist() replaces the state object.
      get state() {
        return app.state;
      },
      now: new Date(snapshot.now),
      update: (patch) => {
        if (patch.tab === 'review' && this.state.tab !== 'review') this.focusReview = true;
        this.persist(patch);
        this.render();
      },
      persist: (patch) => this.persist(patch),
      request: (input) => this.request(input),
      send: (input) => this.bridge.request(input),
      toast: (message, options) => this.toast.show(message, options),
      categoryLabel: (id) => labels.get(id) ?? (id === 'untagged' ? l10n.t('Untagged') : l10n.t('{0} (unknown)', id)),
      rerender: () => this.render(),
    };
  }

  private persist(patch: Partial<ViewState>): void {
    this.state = { ...this.state, ...patch };
    this.bridge.setState(this.state);
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.notifyTimer = setTimeout(() => this.bridge.notify({ type: 'view/stateChanged', state: this.state }), 500);
  }

  async request(input: RequestInput): Promise<boolean> {
    const r = await this.bridge.request(input);
    if (!r.ok) {
      this.toast.show(r.error, { error: true });
      return false;
    }
    if (r.undo) {
      this.toast.show(r.undo.label, { action: { label: l10n.t('Undo'), run: () => void this.request({ type: 'entry/undo' }) } });
    }
    return true;
  }

  render(): void {
    const s = this.snapshot;
    this.root.setAttribute('aria-busy', s ? 'false' : 'true');
    render(s ? this.shell(s) : html`<p class="loading">${l10n.t('Loading journal…')}</p>`, this.root);
    if (!s) return;
    if (this.renderedTab === 'overview' && this.state.tab !== 'overview') this.overview.hidden();
    this.renderedTab = this.state.tab;
    if (this.state.tab === 'overview') this.overview.afterRender(this.root);
    if (this.state.tab === 'timeline') this.timeline.afterRender(this.root);
    if (this.state.tab === 'review') {
      this.review.afterRender(this.root, this.focusReview);
      this.focusReview = false;
    }
  }

  private shell(s: JournalSnapshot): TemplateResult {
    const ctx = this.context(s);
    const tab = this.state.tab;
    const content = (t: TabId): TemplateResult | typeof nothing => {
      if (t !== tab) return nothing;
      if (t === 'goals') return this.goals.template(ctx);
      if (t === 'review') return this.review.template(ctx);
      if (s.feedback.length === 0 && this.unshown.length === 0 && t === 'overview') return html`<div class="empty"><p>${l10n.t('No feedback yet — sync or open demo data.')}</p></div>`;
      return t === 'overview' ? this.overview.template(ctx) : this.timeline.template(ctx);
    };
    return html`
      <header class="title">
        <h1>${l10n.t('Journal — {0}', s.engineer.login)}</h1>
        <span class="muted">${s.engineer.host}</span>
        ${s.readOnly ? html`<vscode-badge title=${s.readOnlyReason ?? ''}>${l10n.t('Read-only')}</vscode-badge>` : nothing}
      </header>
      <vscode-tabs .selectedIndex=${TABS.indexOf(tab)} @vsc-tabs-select=${(e: CustomEvent<{ selectedIndex: number }>) => {
        const next = TABS[e.detail.selectedIndex];
        if (next && next !== this.state.tab) {
          this.focusReview = next === 'review';
          this.persist({ tab: next });
          this.render();
        }
      }}>
        ${TABS.map((t) => html`<vscode-tab-header slot="header" data-tab=${t}>${tabLabel(t)}</vscode-tab-header>
          <vscode-tab-panel aria-label=${tabLabel(t)}>${content(t)}</vscode-tab-panel>`)}
      </vscode-tabs>`;
  }

  private watchTheme(): void {
    // VS Code swaps body classes (vscode-light/-dark/-high-contrast) and the variables on <html>.
    const observer = new MutationObserver(() => this.overview.retheme());
    observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  }
}

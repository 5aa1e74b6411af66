// The My reviews panel: owns the snapshot (the comments the reviewer gave) and
// the view state (period, person compared, open prompts), computes the report
// with the same core functions the export uses, and renders it.
import { html, nothing, render, type TemplateResult } from 'lit';
import { mirrorReport, mixOf, percent, facetsOf, type Mix, type MirrorReport } from '../../../src/core/mirror';
import { periodRange } from '../../../src/core/journalStats';
import { sameLogin, type Feedback } from '../../../src/core/model';
import { PERIODS, type PeriodId } from '../../../src/protocol/viewState';
import { parseMirrorViewState, type MirrorSnapshot, type MirrorViewState } from '../../../src/protocol/mirror';
import { Toast } from '../toast';
import { MirrorBridge, type MirrorRequestInput } from './bridge';
import { categoryTable, mixTable, type MixColumn } from './mixView';
import { peopleTable } from './peopleView';
import { PAGE, promptsList } from './promptsView';
import { setDateLanguage } from '../dates';
import * as l10n from '@vscode/l10n';

/** Computed at render time: the translations are configured after the modules load. */
const periodLabel = (p: PeriodId): string =>
  ({ '2w': l10n.t('Last 2 weeks'), '30d': l10n.t('Last 30 days'), '90d': l10n.t('Last 90 days'), quarter: l10n.t('This quarter'), all: l10n.t('All time') })[p];
/** The line under the toolbar: how many comments, in which period, from which journals. */
function sourcesLine(total: number, period: PeriodId, others: number, onlyInOthers: number): string {
  const when = periodWords(period);
  const gave = total === 1 ? (when ? l10n.t('1 comment you gave {0}', when) : l10n.t('1 comment you gave')) : when ? l10n.t('{0} comments you gave {1}', total, when) : l10n.t('{0} comments you gave', total);
  if (!others) return l10n.t('{0}, from your journal.', gave);
  return others === 1 ? l10n.t('{0}, from your journal and 1 other journal ({1} found only there).', gave, onlyInOthers) : l10n.t('{0}, from your journal and {1} other journals ({2} found only there).', gave, others, onlyInOthers);
}
/** "in the last 30 days", or nothing for all time. */
function periodWords(period: PeriodId): string {
  return period === 'all' ? '' : ({ '2w': l10n.t('in the last 2 weeks'), '30d': l10n.t('in the last 30 days'), '90d': l10n.t('in the last 90 days'), quarter: l10n.t('this quarter') })[period];
}

export class MirrorApp {
  private readonly bridge: MirrorBridge;
  private readonly toast: Toast;
  private snapshot: MirrorSnapshot | undefined;
  private state: MirrorViewState;
  private byId = new Map<string, Feedback>();
  /** Comments shown per open prompt (not saved: a reload starts with the first page). */
  private readonly shown = new Map<string, number>();
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly root: HTMLElement, toastRoot: HTMLElement) {
    this.toast = new Toast(toastRoot);
    this.bridge = new MirrorBridge((s) => this.onSnapshot(s));
    this.state = parseMirrorViewState(this.bridge.getState());
  }

  start(): void {
    this.root.replaceChildren();
    this.render();
    // Links in comment bodies: the host opens them after checking the scheme; the page never navigates.
    document.addEventListener('click', (e) => {
      const a = (e.composedPath()[0] as Element | undefined)?.closest?.('a');
      if (!a) return;
      e.preventDefault();
      const href = a.getAttribute('href');
      if (href && /^(https?:|mailto:)/i.test(href)) void this.request({ type: 'link/open', url: href });
    });
    this.bridge.notify({ type: 'ready' });
  }

  private onSnapshot(s: MirrorSnapshot): void {
    this.snapshot = s;
    setDateLanguage(s.language);
    this.byId = new Map(s.items.map((f) => [f.id, f]));
    this.persist({ login: s.reviewer.login, host: s.reviewer.host });
    this.render();
  }

  private persist(patch: Partial<MirrorViewState>): void {
    this.state = { ...this.state, ...patch };
    this.bridge.setState(this.state);
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.notifyTimer = setTimeout(() => this.bridge.notify({ type: 'view/stateChanged', state: this.state }), 500);
  }

  private update(patch: Partial<MirrorViewState>): void {
    this.persist(patch);
    this.render();
  }

  private async request(input: MirrorRequestInput): Promise<void> {
    const r = await this.bridge.request(input);
    if (!r.ok) this.toast.show(r.error, { error: true });
  }

  render(): void {
    const s = this.snapshot;
    this.root.setAttribute('aria-busy', s ? 'false' : 'true');
    render(s ? this.page(s) : html`<p class="loading">${l10n.t('Loading your reviews…')}</p>`, this.root);
  }

  private report(s: MirrorSnapshot): MirrorReport {
    const groups = new Map(s.categories.map((c) => [c.id, c.group]));
    const labels = new Map(s.categories.map((c) => [c.id, c.label]));
    const range = periodRange(this.state.period, new Date(s.now));
    return mirrorReport(s.items, {
      reviewer: s.reviewer.login,
      from: range.start ? range.start.getTime() : null,
      to: range.end.getTime(),
      groupOf: (id) => groups.get(id),
      labelOf: (id) => labels.get(id) ?? id,
      periodPhrase: periodWords(this.state.period) && ` ${periodWords(this.state.period)}`,
    });
  }

  private categoryLabel(s: MirrorSnapshot, id: string): string {
    return s.categories.find((c) => c.id === id)?.label ?? l10n.t('{0} (unknown)', id);
  }

  private page(s: MirrorSnapshot): TemplateResult {
    const r = this.report(s);
    const login = s.reviewer.login;
    const person = r.people.find((p) => sameLogin(p.login, this.state.person));
    const columns: MixColumn[] = person ? [{ title: l10n.t('To {0}', person.login), mix: person.mix }, { title: l10n.t('Everyone else'), mix: this.othersMix(s, r, person.login) }] : [{ title: l10n.t('All comments'), mix: r.overall }];
    const m = r.overall;
    const others = s.sources.journals.filter((j) => !sameLogin(j, login)).length;
    return html`
      <header class="title">
        <h1>${l10n.t('My reviews — {0}', login)}</h1>
        <span class="muted">${s.reviewer.host}</span>
      </header>
      <p class="lead">${l10n.t('How the feedback you give lands: what kind of comments you write, to whom, and what became of them. Observations to reflect on, never a score.')}</p>
      <div class="toolbar">
        <label class="field" for="period">${l10n.t('Period')}</label>
        <vscode-single-select id="period" label=${l10n.t('Period')} .value=${this.state.period}
          @change=${(e: Event) => this.update({ period: (e.target as HTMLSelectElement).value as PeriodId, open: [] })}>
          ${PERIODS.map((p) => html`<vscode-option value=${p} ?selected=${p === this.state.period}>${periodLabel(p)}</vscode-option>`)}
        </vscode-single-select>
        <label class="field" for="person">${l10n.t('Compare')}</label>
        <vscode-single-select id="person" label=${l10n.t('Compare one person with everyone else')} .value=${person?.login ?? ''}
          @change=${(e: Event) => this.update({ person: (e.target as HTMLSelectElement).value })}>
          <vscode-option value="" ?selected=${!person}>${l10n.t('Nobody: all comments')}</vscode-option>
          ${r.people.map((p) => html`<vscode-option value=${p.login} ?selected=${p === person}>${p.login} (${p.mix.total})</vscode-option>`)}
        </vscode-single-select>
        <span class="spacer"></span>
        <vscode-button secondary id="export" @click=${() => void this.request({ type: 'export/open', period: this.state.period })}>${l10n.t('Export with "Feedback you gave"…')}</vscode-button>
      </div>
      <p class="hint" data-testid="mirror-sources">${sourcesLine(m.total, this.state.period, others, s.sources.onlyInOthers)}</p>
      ${s.items.length === 0
        ? html`<div class="empty"><p>${l10n.t('No review comments you gave yet — sync, or open the demo data.')}</p></div>`
        : html`
          <section class="cards" aria-label=${l10n.t('Your comments at a glance')}>
            ${card(l10n.t('Comments'), String(m.total), r.people.length === 1 ? l10n.t('1 person') : l10n.t('{0} people', r.people.length), 'mirror-total')}
            ${card(l10n.t('Praise'), percent(m.tone.counts.praise, m.total), l10n.t('{0} of {1}', m.tone.counts.praise, m.total), 'mirror-praise')}
            ${card(l10n.t('Blocking'), percent(m.blocking.counts.blocking, m.total), l10n.t('{0} of {1}', m.blocking.counts.blocking, m.total), 'mirror-blocking')}
            ${card(l10n.t('Questions'), percent(m.form.counts.question, m.total), l10n.t('{0} of {1}', m.form.counts.question, m.total), 'mirror-questions')}
            ${card(l10n.t('Inline resolved'), percent(m.thread.counts.resolved, m.thread.total), l10n.t('{0} of {1}', m.thread.counts.resolved, m.thread.total), 'mirror-resolved')}
          </section>
          <section aria-labelledby="prompts-h">
            <h2 id="prompts-h">${l10n.t('Prompts')}</h2>
            ${promptsList(r.prompts, {
              byId: this.byId,
              open: new Set(this.state.open),
              shown: (key) => this.shown.get(key) ?? PAGE,
              toggle: (key) => {
                const open = new Set(this.state.open);
                if (open.has(key)) open.delete(key);
                else open.add(key);
                this.update({ open: [...open].slice(-50) });
              },
              more: (key) => {
                this.shown.set(key, (this.shown.get(key) ?? PAGE) + PAGE);
                this.render();
              },
              request: (input) => void this.request(input),
              categoryLabel: (id) => this.categoryLabel(s, id),
            })}
          </section>
          <section aria-labelledby="mix-h">
            <h2 id="mix-h">${person ? l10n.t('Your mix: {0} and everyone else', person.login) : l10n.t('Your mix')}</h2>
            ${mixTable(columns)}
            <details class="chart-data"><summary>${l10n.t('Categories')}</summary>${categoryTable(columns, (id) => this.categoryLabel(s, id))}</details>
          </section>
          <section aria-labelledby="people-h">
            <h2 id="people-h">${l10n.t('Between the people you review')}</h2>
            ${peopleTable(r.people, person?.login ?? '', (l) => this.update({ person: l }))}
          </section>`}
      ${nothing}`;
  }

  /** The mix of the comments in the period to everyone but `login`. */
  private othersMix(s: MirrorSnapshot, r: MirrorReport, login: string): Mix {
    const groups = new Map(s.categories.map((c) => [c.id, c.group]));
    const ids = new Set(r.ids);
    return mixOf(s.items.filter((f) => ids.has(f.id) && !sameLogin(f.author, login)).map((f) => ({ f, x: facetsOf(f, (id) => groups.get(id)) })));
  }
}

function card(label: string, value: string, detail: string, testid: string): TemplateResult {
  return html`<div class="card"><div class="card-label">${label}</div><div class="card-value" data-testid=${testid}>${value}</div><div class="muted card-detail">${detail}</div></div>`;
}

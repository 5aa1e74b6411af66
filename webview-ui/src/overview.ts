// Overview tab: period picker, counts with trends, chart, praise, themes.
import { html, nothing, type TemplateResult } from 'lit';
import {
  bucketize,
  excerpt,
  granularityFor,
  periodCounts,
  periodRange,
  praiseReceived,
  topThemes,
  type Buckets,
  type PeriodCounts,
} from '../../src/core/journalStats';
import type { CategoryGroup } from '../../src/core/model';
import { groupLabel } from '../../src/core/taxonomy';
import { confirmLikelyHint, MIN_CONFIRMED, TAG_STATE_WORDS, UNTAGGED_WORDS, enoughConfirmed } from '../../src/core/vocabulary';
import { PERIODS, type PeriodId } from '../../src/protocol';
import { chartSeries, TrendChart, type ChartSeries } from './chart';
import type { AppContext } from './context';
import { trendBadge } from './trend';
import { countToReview, likelyByCategory, sharesText, tagShares } from '../../src/core/review';
import { isReceivedBy } from '../../src/core/model';
import { ReviewView } from './review';
import { formatDate, formatDay, formatMonth } from './dates';
import * as l10n from '@vscode/l10n';

/** Built when asked: the translations are configured after the modules load. */
export const periodLabel = (p: PeriodId): string =>
  ({ '2w': l10n.t('Last 2 weeks'), '30d': l10n.t('Last 30 days'), '90d': l10n.t('Last 90 days'), quarter: l10n.t('This quarter'), all: l10n.t('All time') })[p];


export function bucketLabels(b: Buckets): string[] {
  return b.starts.map((s) => (b.granularity === 'week' ? formatDay(s) : formatMonth(s)));
}

export class OverviewView {
  private readonly chart = new TrendChart();
  private pending: { labels: string[]; series: ChartSeries[] } | undefined;

  template(ctx: AppContext): TemplateResult {
    const { snapshot, state } = ctx;
    const login = snapshot.engineer.login;
    const range = periodRange(state.period, ctx.now, snapshot.timeZone);
    const counts = periodCounts(snapshot.feedback, login, snapshot.categories, range);
    const buckets = bucketize(snapshot.feedback, login, range, granularityFor(state.period), { likely: state.showLikely });
    const received = snapshot.feedback.filter((f) => isReceivedBy(f, login) && inPeriod(f.createdAt, range.start, range.end));
    const shares = tagShares(received);
    const likely = state.showLikely ? likelyByCategory(received) : new Map<string, number>();
    const labels = bucketLabels(buckets);
    const series = chartSeries(buckets, (id) => ctx.categoryLabel(id));
    this.pending = { labels, series };
    const praise = praiseReceived(snapshot.feedback, login, range);
    // Themes and changes by category only from enough confirmed tags (core/vocabulary).
    const enough = enoughConfirmed(counts.confirmed.current);
    const comparable = enough && counts.confirmed.previous !== null && enoughConfirmed(counts.confirmed.previous);
    const themes = enough ? topThemes(counts) : [];
    const openActions = snapshot.entries.filter((e) => e.kind === 'action' && e.status === 'open').length;
    const openGoals = snapshot.entries.filter((e) => e.kind === 'goal' && e.status === 'open').length;
    const weekly = buckets.granularity === 'week';
    return html`
      <div class="toolbar">
        <label class="field" for="period">${l10n.t('Period')}</label>
        <vscode-single-select id="period" label=${l10n.t('Period')} .value=${state.period}
          @change=${(e: Event) => ctx.update({ period: (e.target as HTMLSelectElement).value as PeriodId })}>
          ${PERIODS.map((p) => html`<vscode-option value=${p} ?selected=${p === state.period}>${periodLabel(p)}</vscode-option>`)}
        </vscode-single-select>
        <span class="spacer"></span>
        ${toReviewButton(ctx)}
        <vscode-button secondary @click=${() => void ctx.request({ type: 'export/open', period: state.period })}>${l10n.t('Export summary…')}</vscode-button>
      </div>
      <section class="cards" aria-label=${l10n.t('Feedback received, {0}', periodLabel(state.period).toLowerCase())}>
        ${card(l10n.t('Received'), counts.total, 'total-count')}
        ${card(TAG_STATE_WORDS.confirmed.label, counts.confirmed, 'confirmed-count', TAG_STATE_WORDS.confirmed.meaning)}
        ${card(groupLabel('technical'), counts.byGroup.technical, 'group-technical', undefined, comparable)}
        ${card(groupLabel('interpersonal'), counts.byGroup.interpersonal, 'group-interpersonal', undefined, comparable)}
        ${card(UNTAGGED_WORDS.label, counts.untagged, 'untagged-count', UNTAGGED_WORDS.meaning, true,
          html`<div class="card-sub" data-testid="untagged-split">${counts.likely.current} ${TAG_STATE_WORDS.likely.word} · ${counts.notSure.current} ${TAG_STATE_WORDS['not-sure'].word}</div>`)}
        <div class="card"><div class="card-label">${l10n.t('Open goals / actions')}</div><div class="card-value" data-testid="open-entries">${openGoals} / ${openActions}</div></div>
      </section>
      ${state.period === 'all'
        ? nothing
        : comparable
          ? html`<p class="hint">${describeComparison(state.period)}</p>`
          : html`<p class="hint" data-testid="too-few">${l10n.t('Changes by category need at least {0} comments with a confirmed tag in both periods ({1} now, {2} before): {3} first.', MIN_CONFIRMED, counts.confirmed.current, counts.confirmed.previous ?? 0, confirmLikelyHint())}</p>`}
      <div class="likely-bar">
        <p class="shares" data-testid="tag-shares">${l10n.t('Tags on comments received: {0}. Only confirmed tags are counted.', sharesText(shares))}</p>
        <vscode-checkbox id="show-likely" ?checked=${state.showLikely} @change=${(e: Event) => ctx.update({ showLikely: (e.target as HTMLInputElement).checked })}>${l10n.t('Show likely categories (suggested, not confirmed)')}</vscode-checkbox>
      </div>
      <div class="overview-grid">
        <section aria-labelledby="by-cat-h">
          <h2 id="by-cat-h">${l10n.t('By category')}</h2>
          ${categoryTable(ctx, counts, 'technical', likely, comparable)} ${categoryTable(ctx, counts, 'interpersonal', likely, comparable)}
        </section>
        <section aria-labelledby="chart-h">
          <h2 id="chart-h">${weekly ? l10n.t('Tags received per week') : l10n.t('Tags received per month')}</h2>
          <div class="chart-box"><canvas id="trend-chart" role="img" aria-label=${weekly ? l10n.t('Stacked bar chart of tags received per week by category; the same numbers are in the table below it') : l10n.t('Stacked bar chart of tags received per month by category; the same numbers are in the table below it')}></canvas></div>
          <details class="chart-data"><summary>${l10n.t('Chart data as a table')}</summary>${chartTable(labels, series)}</details>
        </section>
      </div>
      <div class="overview-grid">
        <section aria-labelledby="themes-h">
          <h2 id="themes-h">${l10n.t('Most frequent themes')}</h2>
          ${!enough
            ? html`<p class="muted" data-testid="themes-too-few">${l10n.t('Too few confirmed tags for themes ({0}; at least {1} needed). To see them, {2}.', counts.confirmed.current, MIN_CONFIRMED, confirmLikelyHint())}</p>`
            : themes.length === 0
            ? html`<p class="muted">${l10n.t('No confirmed tags in this period.')}</p>`
            : html`<ol class="themes">${themes.map((t) => html`<li><span class="codicon codicon-${iconOf(ctx, t.id)}" aria-hidden="true"></span> ${ctx.categoryLabel(t.id)} <span class="count">${t.current}</span> ${comparable ? trendBadge(t) : nothing}</li>`)}</ol>`}
        </section>
        <section aria-labelledby="praise-h">
          <h2 id="praise-h">${l10n.t('Praise received')}</h2>
          ${praise.length === 0
            ? html`<p class="muted">${l10n.t('No praise in this period yet.')}</p>`
            : praise.map((f) => html`<figure class="quote"><blockquote>${excerpt(f.body, 240)}</blockquote><figcaption>— ${f.reviewer}, ${f.repo}#${f.prNumber}, ${formatDate(new Date(f.createdAt))}</figcaption></figure>`)}
        </section>
      </div>`;
  }

  /** Draws the chart once the canvas is in the DOM. */
  afterRender(root: HTMLElement): void {
    const canvas = root.querySelector<HTMLCanvasElement>('#trend-chart');
    if (!canvas || !this.pending) {
      this.chart.destroy();
      return;
    }
    this.chart.render(canvas, this.pending.labels, this.pending.series);
  }

  retheme(): void {
    this.chart.retheme();
  }

  hidden(): void {
    this.chart.destroy();
  }
}

/** "273 to review": opens the review flow (all time, in the direction the flow last used). */
function toReviewButton(ctx: AppContext): TemplateResult | typeof nothing {
  const direction = ReviewView.direction(ctx);
  const n = countToReview(ctx.snapshot.feedback, ctx.snapshot.engineer.login, direction);
  if (n === 0) return nothing;
  return html`<vscode-button data-testid="to-review" title=${l10n.t('Confirm or correct the suggested categories, one key per comment')}
    @click=${() => ctx.update({ tab: 'review' })}><span class="codicon codicon-checklist" aria-hidden="true"></span> ${l10n.t('{0} to review', n)}</vscode-button>`;
}

function describeComparison(p: PeriodId): string {
  return p === '2w'
    ? l10n.t('Trends compare with the previous 2 weeks.')
    : p === '30d'
      ? l10n.t('Trends compare with the previous 30 days.')
      : p === '90d'
        ? l10n.t('Trends compare with the previous 90 days.')
        : l10n.t('Trends compare with the previous period of the same length.');
}

function iconOf(ctx: AppContext, id: string): string {
  return ctx.snapshot.categories.find((c) => c.id === id)?.icon.replace(/[^a-z0-9-]/g, '') || 'tag';
}

function card(label: string, t: PeriodCounts['total'], testid: string, meaning?: string, showTrend = true, sub?: TemplateResult): TemplateResult {
  return html`<div class="card" title=${meaning ?? ''}><div class="card-label">${label}</div><div class="card-value"><span data-testid=${testid}>${t.current}</span> ${showTrend ? trendBadge(t) : nothing}</div>${sub ?? nothing}</div>`;
}

function inPeriod(iso: string, start: Date | null, end: Date): boolean {
  const t = Date.parse(iso);
  return !Number.isNaN(t) && (start === null || t >= start.getTime()) && t < end.getTime();
}

function categoryTable(ctx: AppContext, counts: PeriodCounts, group: CategoryGroup, likely: Map<string, number>, comparable: boolean): TemplateResult {
  const showLikely = ctx.state.showLikely;
  const ids = new Set(ctx.snapshot.categories.filter((c) => c.group === group).map((c) => c.id));
  const rows = counts.byCategory.filter((c) => ids.has(c.id));
  const title = groupLabel(group);
  return html`<table class="cat-table" aria-label=${group === 'technical' ? l10n.t('Technical categories') : l10n.t('Interpersonal categories')}>
    <thead><tr><th scope="col">${title}</th><th scope="col" class="num">${l10n.t('Count')}</th><th scope="col" class="num">${l10n.t('Trend')}</th>${showLikely ? html`<th scope="col" class="num likely" title=${l10n.t('Suggested, not confirmed: not part of the count')}>${l10n.t('Likely')}</th>` : nothing}</tr></thead>
    <tbody>${rows.map((c) => html`<tr data-category=${c.id} class=${c.current === 0 ? 'zero' : ''}>
      <th scope="row"><span class="codicon codicon-${iconOf(ctx, c.id)}" aria-hidden="true"></span> ${ctx.categoryLabel(c.id)}</th>
      <td class="num">${c.current}</td><td class="num">${comparable ? trendBadge(c) : html`<span class="muted" title=${l10n.t('Too few confirmed tags to compare')}>–</span>`}</td>${showLikely ? html`<td class="num likely" data-testid="likely-${c.id}">${likely.get(c.id) ? html`<span aria-hidden="true">+${likely.get(c.id)}</span><span class="sr-only">${l10n.t('{0} more likely, not confirmed', likely.get(c.id) ?? 0)}</span>` : ''}</td>` : nothing}</tr>`)}</tbody>
  </table>`;
}

function chartTable(labels: string[], series: ChartSeries[]): TemplateResult {
  return html`<table class="cat-table"><thead><tr><th scope="col">${l10n.t('Bucket')}</th>${series.map((s) => html`<th scope="col" class="num">${s.label}</th>`)}</tr></thead>
    <tbody>${labels.map((l, i) => html`<tr><th scope="row">${l}</th>${series.map((s) => html`<td class="num">${s.data[i] ?? 0}</td>`)}</tr>`)}</tbody></table>`;
}



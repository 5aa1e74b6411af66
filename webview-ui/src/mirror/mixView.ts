// The mix: one stacked bar per axis (an SVG with attributes only, which the
// CSP allows; colours come from CSS classes), the same numbers as text, and
// the categories. With a person chosen, their mix sits beside everyone else's.
import { html, nothing, svg, type TemplateResult } from 'lit';
import { percent, type Mix, type Split } from '../../../src/core/mirror';
import * as l10n from '@vscode/l10n';
import { groupLabel } from '../../../src/core/taxonomy';

interface Segment {
  key: string;
  label: string;
}

interface Axis {
  id: string;
  title: string;
  split: (m: Mix) => Split<string>;
  segments: Segment[];
  /** Extra words after the legend: the "likely" layer. */
  note?: (m: Mix) => string;
}

/** "Not confirmed, likely: 2 praise, 1 issue" from the counted phrases that are not zero. */
const likely = (parts: [number, string][]) => {
  const shown = parts.filter(([n]) => n > 0).map(([, phrase]) => phrase);
  return shown.length ? l10n.t('Not confirmed, likely: {0}', shown.join(', ')) : '';
};

/** Built at render time: the translations are configured after the modules load. */
const axes = (): Axis[] => [
  {
    id: 'kind',
    title: l10n.t('Kind'),
    split: (m) => m.tone,
    segments: [
      { key: 'praise', label: l10n.t('Praise') },
      { key: 'issue', label: l10n.t('Issues') },
      { key: 'remark', label: l10n.t('Questions & remarks') },
      { key: 'unknown', label: l10n.t('Not labelled or tagged') },
    ],
    note: (m) =>
      likely([
        [m.likelyTone.counts.praise, l10n.t('{0} praise', m.likelyTone.counts.praise)],
        [m.likelyTone.counts.issue, m.likelyTone.counts.issue === 1 ? l10n.t('1 issue') : l10n.t('{0} issues', m.likelyTone.counts.issue)],
      ]),
  },
  {
    id: 'group',
    title: l10n.t('Topics'),
    split: (m) => m.group,
    segments: [
      { key: 'technical', label: groupLabel('technical') },
      { key: 'interpersonal', label: groupLabel('interpersonal') },
      { key: 'both', label: l10n.t('Both') },
      { key: 'untagged', label: l10n.t('Untagged') },
    ],
    note: (m) =>
      likely([
        [m.likelyGroup.counts.technical, l10n.t('{0} technical', m.likelyGroup.counts.technical)],
        [m.likelyGroup.counts.interpersonal, l10n.t('{0} interpersonal', m.likelyGroup.counts.interpersonal)],
      ]),
  },
  { id: 'blocking', title: l10n.t('Blocking'), split: (m) => m.blocking, segments: [{ key: 'blocking', label: l10n.t('Blocking') }, { key: 'nonBlocking', label: l10n.t('Not blocking') }] },
  {
    id: 'form',
    title: l10n.t('Asking or telling'),
    split: (m) => m.form,
    segments: [
      { key: 'question', label: l10n.t('Questions') },
      { key: 'directive', label: l10n.t('Directives') },
      { key: 'neither', label: l10n.t('Neither') },
    ],
  },
  {
    id: 'thread',
    title: l10n.t('Inline threads'),
    split: (m) => m.thread,
    segments: [
      { key: 'resolved', label: l10n.t('Resolved') },
      { key: 'open', label: l10n.t('Left open') },
      { key: 'outdated', label: l10n.t('Outdated') },
    ],
  },
  { id: 'labels', title: l10n.t('Conventional Comments labels'), split: (m) => m.labels, segments: [{ key: 'labelled', label: l10n.t('Labelled') }, { key: 'unlabelled', label: l10n.t('No label') }] },
];

function describe(axis: Axis, s: Split<string>): string {
  if (s.total === 0) return l10n.t('{0}: none', axis.title);
  return l10n.t('{0}: {1}', axis.title, axis.segments.map((g) => `${g.label.toLowerCase()} ${s.counts[g.key] ?? 0} (${percent(s.counts[g.key] ?? 0, s.total)})`).join(', '));
}

/** A stacked bar; x and width are attributes, so no style attribute is needed. */
function bar(axis: Axis, s: Split<string>): TemplateResult {
  let x = 0;
  const rects = axis.segments.map((g) => {
    const n = s.counts[g.key] ?? 0;
    const w = s.total ? (n / s.total) * 100 : 0;
    const r = svg`<rect class="seg seg-${g.key}" x=${x} y="0" width=${w} height="10"><title>${g.label}: ${n}</title></rect>`;
    x += w;
    return r;
  });
  return html`<svg class="mix-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label=${describe(axis, s)}>
    ${s.total ? rects : svg`<rect class="seg seg-empty" x="0" y="0" width="100" height="10"></rect>`}
  </svg>`;
}

function legend(axis: Axis, m: Mix): TemplateResult {
  const s = axis.split(m);
  if (s.total === 0) return html`<p class="muted legend">${l10n.t('None in this period.')}</p>`;
  const note = axis.note?.(m);
  return html`<p class="legend" aria-hidden="true">${axis.segments
    .filter((g) => (s.counts[g.key] ?? 0) > 0)
    .map((g) => html`<span class="key"><span class="swatch seg-${g.key}"></span>${g.label} <strong>${s.counts[g.key]}</strong> <span class="muted">${percent(s.counts[g.key] ?? 0, s.total)}</span></span>`)}</p>
    ${note ? html`<p class="muted legend likely">${note}</p>` : nothing}`;
}

export interface MixColumn {
  title: string;
  mix: Mix;
}

export function mixTable(columns: MixColumn[]): TemplateResult {
  return html`<table class="mix-table" aria-label=${l10n.t('The mix of your comments')}>
    <thead><tr><th scope="col" class="axis-col"><span class="sr-only">${l10n.t('Axis')}</span></th>${columns.map((c) => html`<th scope="col">${c.title} <span class="muted">(${c.mix.total})</span></th>`)}</tr></thead>
    <tbody>${axes().map((axis) => html`<tr data-axis=${axis.id}>
      <th scope="row">${axis.title}</th>
      ${columns.map((c) => html`<td>${bar(axis, axis.split(c.mix))}${legend(axis, c.mix)}</td>`)}
    </tr>`)}</tbody>
  </table>`;
}

export function categoryTable(columns: MixColumn[], labelOf: (id: string) => string): TemplateResult {
  const ids = [...new Set(columns.flatMap((c) => c.mix.categories.map((t) => t.id)))];
  const first = columns[0]!.mix.categories;
  ids.sort((a, b) => (first.find((t) => t.id === b)?.confirmed ?? 0) - (first.find((t) => t.id === a)?.confirmed ?? 0) || a.localeCompare(b));
  if (ids.length === 0) return html`<p class="muted">${l10n.t('No tagged comments in this period.')}</p>`;
  return html`<table class="cat-table" aria-label=${l10n.t('Categories of your comments')}>
    <thead><tr><th scope="col">${l10n.t('Category')}</th>${columns.map((c) => html`<th scope="col" class="num">${c.title}</th><th scope="col" class="num">${l10n.t('Likely')}</th>`)}</tr></thead>
    <tbody>${ids.map((id) => html`<tr data-category=${id}><th scope="row">${labelOf(id)}</th>${columns.map((c) => {
      const t = c.mix.categories.find((x) => x.id === id);
      return html`<td class="num">${t?.confirmed ?? 0}</td><td class="num muted">${t?.likely ? `+${t.likely}` : ''}</td>`;
    })}</tr>`)}</tbody>
  </table>`;
}

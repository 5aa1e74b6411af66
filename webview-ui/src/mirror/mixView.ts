// The mix: one stacked bar per axis (an SVG with attributes only, which the
// CSP allows; colours come from CSS classes), the same numbers as text, and
// the categories. With a person chosen, their mix sits beside everyone else's.
import { html, nothing, svg, type TemplateResult } from 'lit';
import { percent, type Mix, type Split } from '../../../src/core/mirror';

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

const likely = (parts: [string, number][]) => {
  const shown = parts.filter(([, n]) => n > 0).map(([label, n]) => `${n} ${label}`);
  return shown.length ? `Not confirmed, likely: ${shown.join(', ')}` : '';
};

export const AXES: Axis[] = [
  {
    id: 'kind',
    title: 'Kind',
    split: (m) => m.tone,
    segments: [
      { key: 'praise', label: 'Praise' },
      { key: 'issue', label: 'Issues' },
      { key: 'remark', label: 'Questions & remarks' },
      { key: 'unknown', label: 'Not labelled or tagged' },
    ],
    note: (m) => likely([['praise', m.likelyTone.counts.praise], [m.likelyTone.counts.issue === 1 ? 'issue' : 'issues', m.likelyTone.counts.issue]]),
  },
  {
    id: 'group',
    title: 'Topics',
    split: (m) => m.group,
    segments: [
      { key: 'technical', label: 'Technical' },
      { key: 'interpersonal', label: 'Interpersonal' },
      { key: 'both', label: 'Both' },
      { key: 'untagged', label: 'Untagged' },
    ],
    note: (m) => likely([['technical', m.likelyGroup.counts.technical], ['interpersonal', m.likelyGroup.counts.interpersonal]]),
  },
  { id: 'blocking', title: 'Blocking', split: (m) => m.blocking, segments: [{ key: 'blocking', label: 'Blocking' }, { key: 'nonBlocking', label: 'Not blocking' }] },
  {
    id: 'form',
    title: 'Asking or telling',
    split: (m) => m.form,
    segments: [
      { key: 'question', label: 'Questions' },
      { key: 'directive', label: 'Directives' },
      { key: 'neither', label: 'Neither' },
    ],
  },
  {
    id: 'thread',
    title: 'Inline threads',
    split: (m) => m.thread,
    segments: [
      { key: 'resolved', label: 'Resolved' },
      { key: 'open', label: 'Left open' },
      { key: 'outdated', label: 'Outdated' },
    ],
  },
  { id: 'labels', title: 'Conventional Comments labels', split: (m) => m.labels, segments: [{ key: 'labelled', label: 'Labelled' }, { key: 'unlabelled', label: 'No label' }] },
];

function describe(axis: Axis, s: Split<string>): string {
  if (s.total === 0) return `${axis.title}: none`;
  return `${axis.title}: ${axis.segments.map((g) => `${g.label.toLowerCase()} ${s.counts[g.key] ?? 0} (${percent(s.counts[g.key] ?? 0, s.total)})`).join(', ')}`;
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
  if (s.total === 0) return html`<p class="muted legend">None in this period.</p>`;
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
  return html`<table class="mix-table" aria-label="The mix of your comments">
    <thead><tr><th scope="col" class="axis-col"><span class="sr-only">Axis</span></th>${columns.map((c) => html`<th scope="col">${c.title} <span class="muted">(${c.mix.total})</span></th>`)}</tr></thead>
    <tbody>${AXES.map((axis) => html`<tr data-axis=${axis.id}>
      <th scope="row">${axis.title}</th>
      ${columns.map((c) => html`<td>${bar(axis, axis.split(c.mix))}${legend(axis, c.mix)}</td>`)}
    </tr>`)}</tbody>
  </table>`;
}

export function categoryTable(columns: MixColumn[], labelOf: (id: string) => string): TemplateResult {
  const ids = [...new Set(columns.flatMap((c) => c.mix.categories.map((t) => t.id)))];
  const first = columns[0]!.mix.categories;
  ids.sort((a, b) => (first.find((t) => t.id === b)?.confirmed ?? 0) - (first.find((t) => t.id === a)?.confirmed ?? 0) || a.localeCompare(b));
  if (ids.length === 0) return html`<p class="muted">No tagged comments in this period.</p>`;
  return html`<table class="cat-table" aria-label="Categories of your comments">
    <thead><tr><th scope="col">Category</th>${columns.map((c) => html`<th scope="col" class="num">${c.title}</th><th scope="col" class="num">Likely</th>`)}</tr></thead>
    <tbody>${ids.map((id) => html`<tr data-category=${id}><th scope="row">${labelOf(id)}</th>${columns.map((c) => {
      const t = c.mix.categories.find((x) => x.id === id);
      return html`<td class="num">${t?.confirmed ?? 0}</td><td class="num muted">${t?.likely ? `+${t.likely}` : ''}</td>`;
    })}</tr>`)}</tbody>
  </table>`;
}

// Between the people you review: one row per person, with what stands out
// against everyone else in words (never colour alone). A name compares that
// person's mix with everyone else's above.
import { html, type TemplateResult } from 'lit';
import { percent, type Difference, type PersonMix } from '../../../src/core/mirror';

const METRIC_WORDS: Record<Difference['metric'], [string, string]> = {
  praise: ['more praise', 'less praise'],
  blocking: ['more blocking', 'less blocking'],
  question: ['more questions', 'fewer questions'],
  resolved: ['resolved more often', 'resolved less often'],
};

export function differenceText(d: Difference): string {
  const [more, less] = METRIC_WORDS[d.metric];
  return `${d.person > d.others ? more : less} (${Math.round(d.person * 100)}% against ${Math.round(d.others * 100)}%)`;
}

export function peopleTable(people: PersonMix[], selected: string, select: (login: string) => void): TemplateResult {
  if (people.length === 0) return html`<p class="muted">Nobody reviewed in this period.</p>`;
  return html`<div class="table-scroll"><table class="cat-table people-table" aria-label="Your comments per person reviewed">
    <thead><tr>
      <th scope="col">Person</th><th scope="col" class="num">Comments</th><th scope="col" class="num">Praise</th><th scope="col" class="num">Issues</th>
      <th scope="col" class="num">Blocking</th><th scope="col" class="num">Questions</th><th scope="col" class="num">Inline resolved</th><th scope="col">Stands out</th>
    </tr></thead>
    <tbody>${people.map((p) => {
      const m = p.mix;
      const isSelected = p.login.toLowerCase() === selected.toLowerCase();
      return html`<tr data-person=${p.login} class=${isSelected ? 'selected' : ''}>
        <th scope="row"><button class="link-btn" aria-pressed=${isSelected ? 'true' : 'false'} title="Compare ${p.login} with everyone else"
          @click=${() => select(isSelected ? '' : p.login)}>${p.login}</button></th>
        <td class="num">${m.total}</td>
        <td class="num">${m.tone.counts.praise} <span class="muted">${percent(m.tone.counts.praise, m.total)}</span></td>
        <td class="num">${m.tone.counts.issue}</td>
        <td class="num">${m.blocking.counts.blocking} <span class="muted">${percent(m.blocking.counts.blocking, m.total)}</span></td>
        <td class="num">${m.form.counts.question} <span class="muted">${percent(m.form.counts.question, m.total)}</span></td>
        <td class="num">${m.thread.total ? html`${m.thread.counts.resolved} of ${m.thread.total}` : '–'}</td>
        <td>${p.differences.length ? p.differences.map(differenceText).join('; ') : html`<span class="muted">—</span>`}</td>
      </tr>`;
    })}</tbody>
  </table></div>`;
}

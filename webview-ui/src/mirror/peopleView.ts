// Between the people you review: one row per person, with what stands out
// against everyone else in words (never colour alone). A name compares that
// person's mix with everyone else's above.
import { html, type TemplateResult } from 'lit';
import { percent, type Difference, type PersonMix } from '../../../src/core/mirror';
import * as l10n from '@vscode/l10n';

/** Built when asked: the translations are configured after the modules load. */
const metricWords = (metric: Difference['metric']): [string, string] =>
  ({
    praise: [l10n.t('more praise'), l10n.t('less praise')] as [string, string],
    blocking: [l10n.t('more blocking'), l10n.t('less blocking')] as [string, string],
    question: [l10n.t('more questions'), l10n.t('fewer questions')] as [string, string],
    resolved: [l10n.t('resolved more often'), l10n.t('resolved less often')] as [string, string],
  })[metric];

export function differenceText(d: Difference): string {
  const [more, less] = metricWords(d.metric);
  return l10n.t('{0} ({1}% against {2}%)', d.person > d.others ? more : less, Math.round(d.person * 100), Math.round(d.others * 100));
}

export function peopleTable(people: PersonMix[], selected: string, select: (login: string) => void): TemplateResult {
  if (people.length === 0) return html`<p class="muted">${l10n.t('Nobody reviewed in this period.')}</p>`;
  return html`<div class="table-scroll"><table class="cat-table people-table" aria-label=${l10n.t('Your comments per person reviewed')}>
    <thead><tr>
      <th scope="col">${l10n.t('Person')}</th><th scope="col" class="num">${l10n.t('Comments')}</th><th scope="col" class="num">${l10n.t('Praise')}</th><th scope="col" class="num">${l10n.t('Issues')}</th>
      <th scope="col" class="num">${l10n.t('Blocking')}</th><th scope="col" class="num">${l10n.t('Questions')}</th><th scope="col" class="num">${l10n.t('Inline resolved')}</th><th scope="col">${l10n.t('Stands out')}</th>
    </tr></thead>
    <tbody>${people.map((p) => {
      const m = p.mix;
      const isSelected = p.login.toLowerCase() === selected.toLowerCase();
      return html`<tr data-person=${p.login} class=${isSelected ? 'selected' : ''}>
        <th scope="row"><button class="link-btn" aria-pressed=${isSelected ? 'true' : 'false'} title=${l10n.t('Compare {0} with everyone else', p.login)}
          @click=${() => select(isSelected ? '' : p.login)}>${p.login}</button></th>
        <td class="num">${m.total}</td>
        <td class="num">${m.tone.counts.praise} <span class="muted">${percent(m.tone.counts.praise, m.total)}</span></td>
        <td class="num">${m.tone.counts.issue}</td>
        <td class="num">${m.blocking.counts.blocking} <span class="muted">${percent(m.blocking.counts.blocking, m.total)}</span></td>
        <td class="num">${m.form.counts.question} <span class="muted">${percent(m.form.counts.question, m.total)}</span></td>
        <td class="num">${m.thread.total ? l10n.t('{0} of {1}', m.thread.counts.resolved, m.thread.total) : '–'}</td>
        <td>${p.differences.length ? p.differences.map(differenceText).join('; ') : html`<span class="muted">—</span>`}</td>
      </tr>`;
    })}</tbody>
  </table></div>`;
}

// The words of "Feedback you gave", once for Markdown and HTML: plain strings
// the two renderers escape and lay out in their own way.
import * as l10n from '@vscode/l10n';
import { percent } from '../mirror';
import type { FeedbackGiven } from './schema';

export const givenTitle = () => l10n.t('Feedback you gave');
/** Links listed under a prompt; the JSON export has them all. */
export const PROMPT_LINKS = 10;

export interface GivenText {
  intro: string;
  /** One line per axis: a label and what the comments were on it. */
  axes: [string, string][];
  people: { header: string[]; rows: string[][] };
  prompts: { text: string; links: { label: string; url: string }[]; more: number }[];
}

const part = (label: string, n: number, total: number) => `${label} ${n} (${percent(n, total)})`;
/** "; likely 2 praise, 1 issue": the counts from suggested tags, zeros left out. */
const likely = (parts: string[]) => (parts.length ? `; ${l10n.t('likely {0}', parts.join(', '))}` : '');
const some = (n: number, word: (n: number) => string) => (n > 0 ? [word(n)] : []);

export function givenText(g: FeedbackGiven): GivenText {
  const n = g.total;
  const intro =
    n === 0
      ? l10n.t("No review comments on other people's pull requests in this period.")
      : `${n === 1 ? l10n.t("1 review comment on other people's pull requests") : l10n.t("{0} review comments on other people's pull requests", n)}${g.onlyInOtherJournals > 0 ? l10n.t(', {0} of them found only in the journals of the people reviewed', g.onlyInOtherJournals) : ''}. ${l10n.t('Each comment counts once per line below; "likely" counts come from suggested tags nobody has confirmed. These are observations to reflect on, not a score.')}`;
  const inline = g.threads.resolved + g.threads.open + g.threads.outdated;
  const praise = (k: number) => l10n.t('{0} praise', k);
  const issues = (k: number) => (k === 1 ? l10n.t('1 issue') : l10n.t('{0} issues', k));
  const technical = (k: number) => l10n.t('{0} technical', k);
  const interpersonal = (k: number) => l10n.t('{0} interpersonal', k);
  const axes: [string, string][] = n === 0 ? [] : [
    [l10n.t('Kind'), `${part(l10n.t('praise'), g.kind.praise, n)}, ${part(l10n.t('issues'), g.kind.issue, n)}, ${part(l10n.t('questions and remarks'), g.kind.remark, n)}, ${part(l10n.t('not labelled or tagged'), g.kind.unknown, n)}${likely([...some(g.kind.likelyPraise, praise), ...some(g.kind.likelyIssue, issues)])}`],
    [l10n.t('Topics'), `${part(l10n.t('technical'), g.group.technical, n)}, ${part(l10n.t('interpersonal'), g.group.interpersonal, n)}, ${g.group.both ? `${part(l10n.t('both'), g.group.both, n)}, ` : ''}${part(l10n.t('untagged'), g.group.untagged, n)}${likely([...some(g.group.likelyTechnical, technical), ...some(g.group.likelyInterpersonal, interpersonal)])}`],
    [l10n.t('Blocking'), l10n.t('{0} of {1} ({2})', g.blocking.blocking, n, percent(g.blocking.blocking, n))],
    [l10n.t('Asking or telling'), `${part(l10n.t('questions'), g.form.question, n)}, ${part(l10n.t('directives'), g.form.directive, n)}, ${part(l10n.t('neither'), g.form.neither, n)}`],
    [l10n.t('Inline threads'), inline === 0 ? l10n.t('none') : `${part(l10n.t('resolved'), g.threads.resolved, inline)}, ${part(l10n.t('left open'), g.threads.open, inline)}, ${part(l10n.t('outdated'), g.threads.outdated, inline)}`],
    [l10n.t('Conventional Comments labels'), l10n.t('{0} of {1} ({2})', g.labelled, n, percent(g.labelled, n))],
  ];
  const cats = g.categories.filter((c) => c.count > 0 || c.likely > 0).map((c) => `${c.label} ${c.count}${c.likely ? ` (${l10n.t('+{0} likely', c.likely)})` : ''}`);
  if (cats.length) axes.push([l10n.t('Categories'), cats.join(', ')]);
  const people = {
    header: [l10n.t('Person'), l10n.t('Comments'), l10n.t('Praise'), l10n.t('Issues'), l10n.t('Blocking'), l10n.t('Questions'), l10n.t('Inline resolved')],
    rows: g.people.map((p) => [p.person, String(p.total), String(p.praise), String(p.issue), String(p.blocking), String(p.question), p.inline ? l10n.t('{0} of {1}', p.resolved, p.inline) : '–']),
  };
  const prompts = g.prompts.map((p) => ({
    text: p.text,
    links: p.comments.slice(0, PROMPT_LINKS).map((c, i) => ({ label: String(i + 1), url: c.url })),
    more: Math.max(0, p.comments.length - PROMPT_LINKS),
  }));
  return { intro, axes, people, prompts };
}

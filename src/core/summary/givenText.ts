// The words of "Feedback you gave", once for Markdown and HTML: plain strings
// the two renderers escape and lay out in their own way.
import { percent } from '../mirror';
import type { FeedbackGiven } from './schema';

export const GIVEN_TITLE = 'Feedback you gave';
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
const likely = (parts: [string, number][]) => {
  const shown = parts.filter(([, n]) => n > 0).map(([l, n]) => `${n} ${n === 1 ? l.replace(/s$/, '') : l}`);
  return shown.length ? `; likely ${shown.join(', ')}` : '';
};

export function givenText(g: FeedbackGiven): GivenText {
  const n = g.total;
  const elsewhere = g.onlyInOtherJournals > 0 ? `, ${g.onlyInOtherJournals} of them found only in the journals of the people reviewed` : '';
  const intro =
    n === 0
      ? 'No review comments on other people\'s pull requests in this period.'
      : `${n} review ${n === 1 ? 'comment' : 'comments'} on other people's pull requests${elsewhere}. Each comment counts once per line below; "likely" counts come from suggested tags nobody has confirmed. These are observations to reflect on, not a score.`;
  const inline = g.threads.resolved + g.threads.open + g.threads.outdated;
  const axes: [string, string][] = n === 0 ? [] : [
    ['Kind', `${part('praise', g.kind.praise, n)}, ${part('issues', g.kind.issue, n)}, ${part('questions and remarks', g.kind.remark, n)}, ${part('not labelled or tagged', g.kind.unknown, n)}${likely([['praise', g.kind.likelyPraise], ['issues', g.kind.likelyIssue]])}`],
    ['Topics', `${part('technical', g.group.technical, n)}, ${part('interpersonal', g.group.interpersonal, n)}, ${g.group.both ? `${part('both', g.group.both, n)}, ` : ''}${part('untagged', g.group.untagged, n)}${likely([['technical', g.group.likelyTechnical], ['interpersonal', g.group.likelyInterpersonal]])}`],
    ['Blocking', `${g.blocking.blocking} of ${n} (${percent(g.blocking.blocking, n)})`],
    ['Asking or telling', `${part('questions', g.form.question, n)}, ${part('directives', g.form.directive, n)}, ${part('neither', g.form.neither, n)}`],
    ['Inline threads', inline === 0 ? 'none' : `${part('resolved', g.threads.resolved, inline)}, ${part('left open', g.threads.open, inline)}, ${part('outdated', g.threads.outdated, inline)}`],
    ['Conventional Comments labels', `${g.labelled} of ${n} (${percent(g.labelled, n)})`],
  ];
  const cats = g.categories.filter((c) => c.count > 0 || c.likely > 0).map((c) => `${c.label} ${c.count}${c.likely ? ` (+${c.likely} likely)` : ''}`);
  if (cats.length) axes.push(['Categories', cats.join(', ')]);
  const people = {
    header: ['Person', 'Comments', 'Praise', 'Issues', 'Blocking', 'Questions', 'Inline resolved'],
    rows: g.people.map((p) => [p.person, String(p.total), String(p.praise), String(p.issue), String(p.blocking), String(p.question), p.inline ? `${p.resolved} of ${p.inline}` : '–']),
  };
  const prompts = g.prompts.map((p) => ({
    text: p.text,
    links: p.comments.slice(0, PROMPT_LINKS).map((c, i) => ({ label: String(i + 1), url: c.url })),
    more: Math.max(0, p.comments.length - PROMPT_LINKS),
  }));
  return { intro, axes, people, prompts };
}

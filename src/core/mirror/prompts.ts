// Gentle, specific prompts from the mix: each one a plain rule over the data,
// worded as an observation or a question drawn from Conventional Comments
// practice, never a score. Every prompt carries the ids of the comments it
// rests on (at least `min` of them), so the reviewer can read them.
import { DIFFERENCE, metricShare, percent, type Faceted, type Mix } from './mix';
import type { MirrorOptions, PersonMix } from './report';

export type PromptRule =
  | 'praise-habit'
  | 'no-praise-for-person'
  | 'mostly-blocking-for-person'
  | 'person-differs'
  | 'blocking-theme'
  | 'questions-vs-directives'
  | 'left-outdated'
  | 'unlabelled';

export interface Prompt {
  rule: PromptRule;
  /** celebrate: something to keep doing; reflect: something to look at. */
  kind: 'celebrate' | 'reflect';
  text: string;
  /** The comments behind the prompt, oldest first; never fewer than the minimum. */
  ids: string[];
  /** The person reviewed, for prompts about one person. */
  person?: string;
}

interface Input {
  items: Faceted[];
  byPerson: { login: string; items: Faceted[] }[];
  overall: Mix;
  people: PersonMix[];
  min: number;
  o: MirrorOptions;
}

const PER_PERSON_RULE = 3;

/** What a blocking theme suggests doing instead, by category id. */
const BLOCKING_ADVICE: Record<string, string> = {
  readability: 'is a linter rule the better place?',
  tooling: 'could a CI check say it before a person has to?',
  documentation: 'would a checklist in the pull-request template catch these earlier?',
  testing: 'would a checklist in the pull-request template, or a coverage check, catch these before review?',
  security: 'blocking is fair for these; would a security checklist in the pull-request template surface them before review?',
  performance: 'would a benchmark in CI, or a shared guideline, catch these before review?',
};

export function promptsFor(input: Input): Prompt[] {
  const { items, overall, min, o } = input;
  const name = o.nameOf ?? ((l: string) => l);
  const period = o.periodPhrase ?? '';
  const out: Prompt[] = [];
  const order = new Map(items.map((it, i) => [it.f.id, i]));
  const add = (p: Prompt) => {
    const unique = [...new Set(p.ids)].sort((a, b) => order.get(a)! - order.get(b)!);
    if (unique.length >= min) out.push({ ...p, ids: unique });
  };
  const ids = (list: Faceted[]) => list.map((it) => it.f.id);

  // Recognition first: praise is a habit worth keeping.
  const praise = items.filter((it) => it.x.tone === 'praise');
  if (praise.length >= min && praise.length / overall.total >= 0.15) {
    add({ rule: 'praise-habit', kind: 'celebrate', ids: ids(praise), text: `${praise.length} of your ${overall.total} comments${period} were praise (${percent(praise.length, overall.total)}): authors hear what to keep doing, not only what to fix.` });
  }

  const covered = new Set<string>();
  const persons = input.byPerson.map((p) => ({ ...p, issues: p.items.filter((it) => it.x.tone === 'issue') })).sort((a, b) => b.issues.length - a.issues.length || a.login.localeCompare(b.login));
  for (const p of persons.filter((p) => p.issues.length >= min && !p.items.some((it) => it.x.tone === 'praise')).slice(0, PER_PERSON_RULE)) {
    const likely = p.items.filter((it) => it.x.likelyTone === 'praise').length;
    const note = likely > 0 ? ` (${likely === 1 ? '1 more comment might be praise: its tag is' : `${likely} more might be praise: their tags are`} only suggested)` : '';
    add({ rule: 'no-praise-for-person', kind: 'reflect', person: p.login, ids: ids(p.issues), text: `You left ${p.issues.length} issues and no praise for ${name(p.login)}${period}${note}.` });
    covered.add(p.login.toLowerCase());
  }

  let blockingPeople = 0;
  for (const p of input.byPerson) {
    if (blockingPeople >= PER_PERSON_RULE) break;
    const blocking = p.items.filter((it) => it.x.blocking);
    const share = blocking.length / p.items.length;
    const rest = items.filter((it) => !p.items.includes(it));
    const restBlocking = rest.filter((it) => it.x.blocking).length;
    const restShare = rest.length ? restBlocking / rest.length : 0;
    if (blocking.length < min || share < 0.5 || share - restShare < DIFFERENCE) continue;
    const noPraise = !p.items.some((it) => it.x.tone === 'praise');
    const text =
      blocking.length === p.items.length
        ? `All your feedback to ${name(p.login)}${period} is blocking${noPraise ? ', none of it praise' : ''}.`
        : `${blocking.length} of your ${p.items.length} comments to ${name(p.login)}${period} are blocking; to everyone else, ${percent(restBlocking, rest.length)}.`;
    add({ rule: 'mostly-blocking-for-person', kind: 'reflect', person: p.login, ids: ids(blocking), text });
    covered.add(p.login.toLowerCase());
    blockingPeople++;
  }

  let differing = 0;
  for (const p of input.people) {
    if (differing >= PER_PERSON_RULE) break;
    if (covered.has(p.login.toLowerCase())) continue;
    const d = p.differences.find((x) => x.metric !== 'blocking');
    if (!d) continue;
    const mine = input.byPerson.find((x) => x.login === p.login)!.items;
    const who = name(p.login);
    const { n, total } = metricShare(p.mix, d.metric);
    const pct = percent(n, total);
    const others = `${Math.round(d.others * 100)}%`;
    const text =
      d.metric === 'praise'
        ? `You praise ${who} in ${pct} of your comments${period}, everyone else in ${others}.`
        : d.metric === 'question'
          ? `You ask ${who} questions in ${pct} of your comments${period}, everyone else in ${others}: ${d.person < d.others ? 'do you tell more than you ask here?' : 'a good way to let the author explain.'}`
          : `Your inline comments on ${who}'s pull requests${period} are resolved ${pct} of the time, on everyone else's ${others}.`;
    add({ rule: 'person-differs', kind: d.person > d.others && d.metric !== 'resolved' ? 'celebrate' : 'reflect', person: p.login, ids: ids(d.metric === 'resolved' ? mine.filter((it) => it.x.thread) : mine), text });
    differing++;
  }

  const blocking = items.filter((it) => it.x.blocking);
  const themes = new Map<string, Faceted[]>();
  for (const it of blocking) for (const c of it.x.categories) themes.set(c, [...(themes.get(c) ?? []), it]);
  const [theme, themed] = [...themes].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0] ?? [];
  if (theme && themed && themed.length * 2 > blocking.length) {
    const advice = BLOCKING_ADVICE[theme] ?? 'could a shared guideline or an automated check raise this before review?';
    add({ rule: 'blocking-theme', kind: 'reflect', ids: ids(themed), text: `Most of your blocking comments${period} are about ${o.labelOf(theme).toLowerCase()} (${themed.length} of ${blocking.length}): ${advice}` });
  }

  const inline = items.filter((it) => it.x.thread);
  const questions = inline.filter((it) => it.x.form === 'question');
  const directives = inline.filter((it) => it.x.form === 'directive');
  if (questions.length >= min && directives.length >= min) {
    const rq = questions.filter((it) => it.x.thread === 'resolved').length;
    const rd = directives.filter((it) => it.x.thread === 'resolved').length;
    const q = rq / questions.length;
    const d = rd / directives.length;
    const counts = (a: number, b: number, c: number, e: number) => `${a} of ${b} against ${c} of ${e}`;
    const evidence = ids([...questions, ...directives]);
    if (q - d >= 0.15 && (d === 0 || q / d >= 1.4)) {
      const text = d === 0
        ? `Your questions get resolved (${rq} of ${questions.length}); none of your directives did (0 of ${directives.length}).`
        : `Your questions are resolved ${times(q / d)} as often as your directives (${counts(rq, questions.length, rd, directives.length)}): asking seems to land well.`;
      add({ rule: 'questions-vs-directives', kind: 'celebrate', ids: evidence, text });
    } else if (d - q >= 0.15 && (q === 0 || d / q >= 1.4)) {
      const text = q === 0
        ? `Your directives get resolved (${rd} of ${directives.length}); none of your questions did (0 of ${questions.length}): do your questions get an answer?`
        : `Your directives are resolved ${times(d / q)} as often as your questions (${counts(rd, directives.length, rq, questions.length)}): do your questions get an answer, or read as optional?`;
      add({ rule: 'questions-vs-directives', kind: 'reflect', ids: evidence, text });
    }
  }

  const outdated = inline.filter((it) => it.x.thread === 'outdated');
  if (outdated.length >= min) {
    add({ rule: 'left-outdated', kind: 'reflect', ids: ids(outdated), text: `${outdated.length} of your inline comments${period} sit on code that has changed since and were never resolved: a short follow-up tells the author whether they still matter.` });
  }

  const unlabelled = items.filter((it) => !it.x.labelled);
  if (items.length >= 2 * min && unlabelled.length / items.length >= 0.6) {
    add({ rule: 'unlabelled', kind: 'reflect', ids: ids(unlabelled), text: `${unlabelled.length} of your ${items.length} comments${period} have no Conventional Comments label: opening with "issue:", "suggestion (non-blocking):" or "question:" tells the author what you expect.` });
  }
  return out;
}

function times(r: number): string {
  return r < 1.75 ? 'about one and a half times' : r < 2.5 ? 'about twice' : r < 3.5 ? 'about three times' : 'more than three times';
}

// Gentle, specific prompts from the mix: each one a plain rule over the data,
// worded as an observation or a question drawn from Conventional Comments
// practice, never a score. Every prompt carries the ids of the comments it
// rests on (at least `min` of them), so the reviewer can read them.
import { DIFFERENCE, metricShare, percent, type Faceted, type Mix } from './mix';
import type { MirrorOptions, PersonMix } from './report';
// Translated where a bundle is configured (the My reviews panel); English in the CLI and the exports.
import * as l10n from '@vscode/l10n';

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

/** What a blocking theme suggests doing instead, by category id (built when asked: translations load after the modules). */
const blockingAdvice = (category: string): string | undefined =>
  ({
    readability: l10n.t('is a linter rule the better place?'),
    tooling: l10n.t('could a CI check say it before a person has to?'),
    documentation: l10n.t('would a checklist in the pull-request template catch these earlier?'),
    testing: l10n.t('would a checklist in the pull-request template, or a coverage check, catch these before review?'),
    security: l10n.t('blocking is fair for these; would a security checklist in the pull-request template surface them before review?'),
    performance: l10n.t('would a benchmark in CI, or a shared guideline, catch these before review?'),
  })[category];

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
    add({ rule: 'praise-habit', kind: 'celebrate', ids: ids(praise), text: l10n.t('{0} of your {1} comments{2} were praise ({3}): authors hear what to keep doing, not only what to fix.', praise.length, overall.total, period, percent(praise.length, overall.total)) });
  }

  const covered = new Set<string>();
  const persons = input.byPerson.map((p) => ({ ...p, issues: p.items.filter((it) => it.x.tone === 'issue') })).sort((a, b) => b.issues.length - a.issues.length || a.login.localeCompare(b.login));
  for (const p of persons.filter((p) => p.issues.length >= min && !p.items.some((it) => it.x.tone === 'praise')).slice(0, PER_PERSON_RULE)) {
    const likely = p.items.filter((it) => it.x.likelyTone === 'praise').length;
    const note = likely === 0 ? '' : likely === 1 ? l10n.t(' (1 more comment might be praise: its tag is only suggested)') : l10n.t(' ({0} more might be praise: their tags are only suggested)', likely);
    add({ rule: 'no-praise-for-person', kind: 'reflect', person: p.login, ids: ids(p.issues), text: l10n.t('You left {0} issues and no praise for {1}{2}{3}.', p.issues.length, name(p.login), period, note) });
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
        ? noPraise
          ? l10n.t('All your feedback to {0}{1} is blocking, none of it praise.', name(p.login), period)
          : l10n.t('All your feedback to {0}{1} is blocking.', name(p.login), period)
        : l10n.t('{0} of your {1} comments to {2}{3} are blocking; to everyone else, {4}.', blocking.length, p.items.length, name(p.login), period, percent(restBlocking, rest.length));
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
        ? l10n.t('You praise {0} in {1} of your comments{2}, everyone else in {3}.', who, pct, period, others)
        : d.metric === 'question'
          ? d.person < d.others
            ? l10n.t('You ask {0} questions in {1} of your comments{2}, everyone else in {3}: do you tell more than you ask here?', who, pct, period, others)
            : l10n.t('You ask {0} questions in {1} of your comments{2}, everyone else in {3}: a good way to let the author explain.', who, pct, period, others)
          : l10n.t("Your inline comments on {0}'s pull requests{1} are resolved {2} of the time, on everyone else's {3}.", who, period, pct, others);
    add({ rule: 'person-differs', kind: d.person > d.others && d.metric !== 'resolved' ? 'celebrate' : 'reflect', person: p.login, ids: ids(d.metric === 'resolved' ? mine.filter((it) => it.x.thread) : mine), text });
    differing++;
  }

  const blocking = items.filter((it) => it.x.blocking);
  const themes = new Map<string, Faceted[]>();
  for (const it of blocking) for (const c of it.x.categories) themes.set(c, [...(themes.get(c) ?? []), it]);
  const [theme, themed] = [...themes].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0] ?? [];
  if (theme && themed && themed.length * 2 > blocking.length) {
    const advice = blockingAdvice(theme) ?? l10n.t('could a shared guideline or an automated check raise this before review?');
    add({ rule: 'blocking-theme', kind: 'reflect', ids: ids(themed), text: l10n.t('Most of your blocking comments{0} are about {1} ({2} of {3}): {4}', period, o.labelOf(theme).toLowerCase(), themed.length, blocking.length, advice) });
  }

  const inline = items.filter((it) => it.x.thread);
  const questions = inline.filter((it) => it.x.form === 'question');
  const directives = inline.filter((it) => it.x.form === 'directive');
  if (questions.length >= min && directives.length >= min) {
    const rq = questions.filter((it) => it.x.thread === 'resolved').length;
    const rd = directives.filter((it) => it.x.thread === 'resolved').length;
    const q = rq / questions.length;
    const d = rd / directives.length;
    const counts = (a: number, b: number, c: number, e: number) => l10n.t('{0} of {1} against {2} of {3}', a, b, c, e);
    const evidence = ids([...questions, ...directives]);
    if (q - d >= 0.15 && (d === 0 || q / d >= 1.4)) {
      const text = d === 0
        ? l10n.t('Your questions get resolved ({0} of {1}); none of your directives did (0 of {2}).', rq, questions.length, directives.length)
        : l10n.t('Your questions are resolved {0} as often as your directives ({1}): asking seems to land well.', times(q / d), counts(rq, questions.length, rd, directives.length));
      add({ rule: 'questions-vs-directives', kind: 'celebrate', ids: evidence, text });
    } else if (d - q >= 0.15 && (q === 0 || d / q >= 1.4)) {
      const text = q === 0
        ? l10n.t('Your directives get resolved ({0} of {1}); none of your questions did (0 of {2}): do your questions get an answer?', rd, directives.length, questions.length)
        : l10n.t('Your directives are resolved {0} as often as your questions ({1}): do your questions get an answer, or read as optional?', times(d / q), counts(rd, directives.length, rq, questions.length));
      add({ rule: 'questions-vs-directives', kind: 'reflect', ids: evidence, text });
    }
  }

  const outdated = inline.filter((it) => it.x.thread === 'outdated');
  if (outdated.length >= min) {
    add({ rule: 'left-outdated', kind: 'reflect', ids: ids(outdated), text: l10n.t('{0} of your inline comments{1} sit on code that has changed since and were never resolved: a short follow-up tells the author whether they still matter.', outdated.length, period) });
  }

  const unlabelled = items.filter((it) => !it.x.labelled);
  if (items.length >= 2 * min && unlabelled.length / items.length >= 0.6) {
    add({ rule: 'unlabelled', kind: 'reflect', ids: ids(unlabelled), text: l10n.t('{0} of your {1} comments{2} have no Conventional Comments label: opening with "issue:", "suggestion (non-blocking):" or "question:" tells the author what you expect.', unlabelled.length, items.length, period) });
  }
  return out;
}

function times(r: number): string {
  return r < 1.75 ? l10n.t('about one and a half times') : r < 2.5 ? l10n.t('about twice') : r < 3.5 ? l10n.t('about three times') : l10n.t('more than three times');
}

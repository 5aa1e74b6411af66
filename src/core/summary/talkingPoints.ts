// Suggested talking points for a 1:1, each from one plain rule over the
// numbers already in the engineer's summary. Rules that fire are listed in
// the order a conversation usually goes: recognition first, then problems,
// then growth.
import * as l10n from '@vscode/l10n';
import type { EngineerSummary, TalkingPoint } from './schema';
import { confirmHint, MIN_CONFIRMED } from '../vocabulary';

type Facts = Omit<EngineerSummary, 'talkingPoints' | 'items'>;

export function talkingPoints(s: Facts, reviewUrl?: string): TalkingPoint[] {
  const out: TalkingPoint[] = [];
  const add = (rule: string, text: string, link?: TalkingPoint['link']) => out.push({ rule, text, ...(link ? { link } : {}) });
  const who = s.login;

  if (s.praise.receivedCount > 0) {
    const first = s.praise.received[0];
    const n = s.praise.receivedCount;
    const praised = n === 1 ? l10n.t("Acknowledge the praise: 1 comment praised {0}'s work", who) : l10n.t("Acknowledge the praise: {0} comments praised {1}'s work", n, who);
    add('acknowledge-praise', `${praised}${first ? ` ${l10n.t('(for example from {0} on {1})', first.person, `${first.repo}#${first.prNumber}`)}` : ''}.`);
  }
  // Trends only between periods that both have enough confirmed tags.
  const comparable = s.received.comparable;
  const decreases = comparable ? s.received.byCategory.filter((c) => c.delta <= -2).sort((a, b) => a.delta - b.delta) : [];
  if (decreases[0]) {
    const c = decreases[0];
    add('biggest-decrease', l10n.t('Less {0} feedback than the previous period ({1} → {2}): recognise the progress.', c.label, c.previous, c.current));
  }
  if (s.blocking.unresolved > 0) {
    add('unresolved-blocking', s.blocking.unresolved === 1 ? l10n.t("1 blocking issue raised on {0}'s pull requests is still unresolved: what is in the way?", who) : l10n.t("{0} blocking issues raised on {1}'s pull requests are still unresolved: what is in the way?", s.blocking.unresolved, who));
  }
  const increases = comparable ? s.received.byCategory.filter((c) => c.delta >= 2).sort((a, b) => b.delta - a.delta || b.current - a.current) : [];
  if (increases[0]) {
    const c = increases[0];
    add('biggest-increase', l10n.t('{0} feedback rose from {1} to {2}: look at a few examples together and agree on one habit to change.', c.label, c.previous, c.current));
  }
  const theme = s.themes.categories.find((c) => c.count >= 3 && c.id !== 'praise' && c.id !== increases[0]?.id);
  if (theme) add('recurring-theme', l10n.t('Recurring theme: {0} ({1} comments).', theme.label, theme.count));

  for (const g of s.goals.filter((e) => e.overdue)) {
    add('overdue-goal', l10n.t('Goal "{0}" was due {1}: revisit it or set a new date.', g.text, g.targetDate ?? ''));
  }
  const openActions = s.actions.filter((a) => a.status === 'open');
  if (openActions.length > 0) add('open-actions', openActions.length === 1 ? l10n.t('1 open action item: pick what to finish before the next 1:1.') : l10n.t('{0} open action items: pick what to finish before the next 1:1.', openActions.length));
  const done = [...s.goals, ...s.actions].filter((e) => e.status === 'done');
  if (done.length > 0) add('completed', done.length === 1 ? l10n.t('1 goal or action item completed this period: celebrate them.') : l10n.t('{0} goals or action items completed this period: celebrate them.', done.length));

  const { untagged, total, confirmed } = s.received;
  const likely = s.received.shares.likely;
  const review = reviewUrl ? { text: l10n.t('Review suggestions in VS Code'), url: reviewUrl } : undefined;
  if (total.current > 0 && !s.received.enoughConfirmed) {
    add(
      'too-few-confirmed',
      `${confirmed.current === 1 ? l10n.t('Only 1 of {0} received has a confirmed tag', total.current === 1 ? l10n.t('1 comment') : l10n.t('{0} comments', total.current)) : l10n.t('Only {0} of {1} received have a confirmed tag', confirmed.current, total.current === 1 ? l10n.t('1 comment') : l10n.t('{0} comments', total.current))}: ${l10n.t('too few for a top category or a trend (at least {0} needed). First {1}.', MIN_CONFIRMED, confirmHint(likely))}`,
      likely > 0 ? review : undefined,
    );
  } else if (untagged.current >= 5 && untagged.current * 2 > total.current) {
    add('tag-feedback', l10n.t('{0} of {1} comments received are untagged: to make these trends meaningful, {2}.', untagged.current, total.current, confirmHint(likely)), review);
  }
  if (s.received.total.current === 0) add('no-feedback-received', l10n.t("No review feedback received this period: are {0}'s pull requests getting reviewed?", who));
  if (s.given.total.current === 0) add('encourage-reviewing', l10n.t("{0} gave no review feedback this period: encourage reviewing teammates' pull requests.", who));
  else if (s.given.total.delta <= -3) add('reviewing-dropped', l10n.t('{0} gave less review feedback than before ({1} → {2}).', who, s.given.total.previous, s.given.total.current));
  return out;
}


// Suggested talking points for a 1:1, each from one plain rule over the
// numbers already in the engineer's summary. Rules that fire are listed in
// the order a conversation usually goes: recognition first, then problems,
// then growth.
import type { EngineerSummary, TalkingPoint } from './schema';
import { confirmHint, MIN_CONFIRMED } from '../vocabulary';

type Facts = Omit<EngineerSummary, 'talkingPoints' | 'items'>;

export function talkingPoints(s: Facts, reviewUrl?: string): TalkingPoint[] {
  const out: TalkingPoint[] = [];
  const add = (rule: string, text: string, link?: TalkingPoint['link']) => out.push({ rule, text, ...(link ? { link } : {}) });
  const who = s.login;

  if (s.praise.receivedCount > 0) {
    const first = s.praise.received[0];
    const example = first ? ` (for example from ${first.person} on ${first.repo}#${first.prNumber})` : '';
    add('acknowledge-praise', `Acknowledge the praise: ${plural(s.praise.receivedCount, 'comment')} praised ${who}'s work${example}.`);
  }
  // Trends only between periods that both have enough confirmed tags.
  const comparable = s.received.comparable;
  const decreases = comparable ? s.received.byCategory.filter((c) => c.delta <= -2).sort((a, b) => a.delta - b.delta) : [];
  if (decreases[0]) {
    const c = decreases[0];
    add('biggest-decrease', `Less ${c.label} feedback than the previous period (${c.previous} → ${c.current}): recognise the progress.`);
  }
  if (s.blocking.unresolved > 0) {
    add('unresolved-blocking', `${plural(s.blocking.unresolved, 'blocking issue')} raised on ${who}'s pull requests ${s.blocking.unresolved === 1 ? 'is' : 'are'} still unresolved: what is in the way?`);
  }
  const increases = comparable ? s.received.byCategory.filter((c) => c.delta >= 2).sort((a, b) => b.delta - a.delta || b.current - a.current) : [];
  if (increases[0]) {
    const c = increases[0];
    add('biggest-increase', `${c.label} feedback rose from ${c.previous} to ${c.current}: look at a few examples together and agree on one habit to change.`);
  }
  const theme = s.themes.categories.find((c) => c.count >= 3 && c.id !== 'praise' && c.id !== increases[0]?.id);
  if (theme) add('recurring-theme', `Recurring theme: ${theme.label} (${plural(theme.count, 'comment')}).`);

  for (const g of s.goals.filter((e) => e.overdue)) {
    add('overdue-goal', `Goal "${g.text}" was due ${g.targetDate}: revisit it or set a new date.`);
  }
  const openActions = s.actions.filter((a) => a.status === 'open');
  if (openActions.length > 0) add('open-actions', `${plural(openActions.length, 'open action item')}: pick what to finish before the next 1:1.`);
  const done = [...s.goals, ...s.actions].filter((e) => e.status === 'done');
  if (done.length > 0) add('completed', `${plural(done.length, 'goal or action item', 'goals or action items')} completed this period: celebrate them.`);

  const { untagged, total, confirmed } = s.received;
  const likely = s.received.shares.likely;
  const review = reviewUrl ? { text: 'Review suggestions in VS Code', url: reviewUrl } : undefined;
  if (total.current > 0 && !s.received.enoughConfirmed) {
    add(
      'too-few-confirmed',
      `Only ${confirmed.current} of ${plural(total.current, 'comment')} received ${confirmed.current === 1 ? 'has' : 'have'} a confirmed tag: too few for a top category or a trend (at least ${MIN_CONFIRMED} needed). First ${confirmHint(likely)}.`,
      likely > 0 ? review : undefined,
    );
  } else if (untagged.current >= 5 && untagged.current * 2 > total.current) {
    add('tag-feedback', `${untagged.current} of ${total.current} comments received are untagged: to make these trends meaningful, ${confirmHint(likely)}.`, review);
  }
  if (s.received.total.current === 0) add('no-feedback-received', `No review feedback received this period: are ${who}'s pull requests getting reviewed?`);
  if (s.given.total.current === 0) add('encourage-reviewing', `${who} gave no review feedback this period: encourage reviewing teammates' pull requests.`);
  else if (s.given.total.delta <= -3) add('reviewing-dropped', `${who} gave less review feedback than before (${s.given.total.previous} → ${s.given.total.current}).`);
  return out;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

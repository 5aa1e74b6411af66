// Markdown for a 1:1 document. Everything that came from GitHub is escaped
// so it shows as typed: no HTML, links or emphasis can come from a comment,
// and control characters are made visible (bidi controls dropped).
// The words go through @vscode/l10n: the extension's exports read in VS Code's
// display language, the CLI's in English (no bundle). Markdown syntax stays outside them.
import * as l10n from '@vscode/l10n';
import { visibleControls } from '../safeText';
import { groupLabel } from '../taxonomy';
import type { EngineerSummary, Quote, Summary, SummaryEntry } from './schema';
import { change, periodText, reviewUrl, safeUrl, sharesLine, title } from './format';
import { givenTitle, givenText, type GivenText } from './givenText';
import { tooFew, W } from './format';

/** Backslash-escapes Markdown syntax and folds the text onto one line. */
export function mdText(s: string): string {
  return visibleControls(s).replace(/\s+/g, ' ').replace(/[\\`*_<>[\]|~]/g, (c) => `\\${c}`);
}

function link(text: string, url: string | undefined): string {
  const safe = safeUrl(url);
  return safe ? `[${mdText(text)}](<${safe.replace(/[<>\s]/g, encodeURIComponent)}>)` : mdText(text);
}

export function toMarkdown(s: Summary): string {
  const out: string[] = [`# ${mdText(title(s))}`, '', l10n.t('Period: {0}. Generated {1}.', visibleControls(periodText(s)), s.generatedAt.slice(0, 10)), ''];
  for (const n of s.notes) out.push(`> ${mdText(n)}`, '>');
  if (s.notes.length) out.pop(), out.push('');
  const team = s.team !== null;
  if (s.team) {
    out.push(`## ${W.teamAtAGlance()}`, '');
    out.push(`| ${[W.engineer(), W.received(), W.change(), W.given(), W.change(), W.praise(), W.blockingUnresolved(), W.openActions(), W.overdueGoals(), W.topCategory()].join(' | ')} |`);
    out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|---|');
    for (const r of s.team) {
      out.push(`| ${mdText(r.login)} | ${r.received.current} | ${change(r.received)} | ${r.given.current} | ${change(r.given)} | ${r.praiseReceived} | ${r.blocking} (${r.unresolvedBlocking}) | ${r.openActions} | ${r.overdueGoals} | ${mdText(r.topCategory ?? '–')} |`);
    }
    out.push('', W.topCategoryNone(s.minConfirmed), '');
  }
  for (const e of s.engineers) out.push(...engineer(e, team ? 2 : 1, s.options.includeText, s.minConfirmed));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function engineer(e: EngineerSummary, base: number, withText: boolean, minConfirmed: number): string[] {
  const h = (level: number, text: string) => [`${'#'.repeat(base + level)} ${text}`, ''];
  const out: string[] = [];
  if (base > 1) out.push(...h(0, mdText(e.login)));
  out.push(...h(1, W.talkingPoints()));
  out.push(...(e.talkingPoints.length ? e.talkingPoints.map((t) => `- ${mdText(t.text)}${linkOf(t.link)}`) : [`- ${W.nothingStandsOut()}`]), '');

  out.push(...h(1, W.feedbackReceived()));
  out.push(`| | ${W.thisPeriod()} | ${W.previous()} | ${W.change()} |`, '|---|--:|--:|--:|');
  const r = e.received;
  // Changes by category only between periods with enough confirmed tags; totals always.
  const delta = (t: Parameters<typeof change>[0]) => (r.comparable ? change(t) : '–');
  const rows = [
    [W.total(), r.total, change(r.total)],
    [W.confirmed(), r.confirmed, change(r.confirmed)],
    [groupLabel('technical'), r.byGroup.technical, delta(r.byGroup.technical)],
    [groupLabel('interpersonal'), r.byGroup.interpersonal, delta(r.byGroup.interpersonal)],
    [W.untagged(), r.untagged, change(r.untagged)],
  ] as const;
  for (const [label, t, d] of rows) out.push(`| ${label} | ${t.current} | ${t.previous} | ${d} |`);
  out.push('');
  out.push(mdText(sharesLine(r.shares)), '');
  if (!r.comparable && r.total.current > 0) out.push(tooFew(r.confirmed.current, r.confirmed.previous, minConfirmed), '');
  if (r.byCategory.length) {
    out.push(`| ${W.category()} | ${W.thisPeriod()} | ${W.previous()} | ${W.change()} |`, '|---|--:|--:|--:|');
    for (const c of r.byCategory) out.push(`| ${mdText(c.label)} | ${c.current} | ${c.previous} | ${delta(c)} |`);
    out.push('');
  }
  if (r.likely.length) {
    out.push(l10n.t('Likely categories (suggested by Review Mentor, not confirmed by a person; not counted above):'), '');
    out.push(`| ${W.likelyCategory()} | ${W.comments()} |`, '|---|--:|');
    for (const c of r.likely) out.push(`| *${W.likely()}* ${mdText(c.label)} | ${c.count} |`);
    out.push('');
  }

  out.push(...h(1, W.recurringThemes()));
  const cats = e.themes.categories.map((c) => `${mdText(c.label)} (${c.count})`).join(', ');
  out.push(`- ${l10n.t('Categories: {0}', r.enoughConfirmed ? cats || l10n.t('none with more than one comment') : l10n.t('too few confirmed tags ({0}; at least {1} needed)', r.confirmed.current, minConfirmed))}`);
  if (withText) out.push(`- ${l10n.t('Topics: {0}', e.themes.topics.map((t) => `“${mdText(t.term)}” (${t.count})`).join(', ') || l10n.t('none recurring'))}`);
  out.push('');

  out.push(...h(1, W.praiseReceived(e.praise.receivedCount)), ...quotes(e.praise.received, 'from'), '');
  out.push(...h(1, W.blockingRaised(e.blocking.count, e.blocking.unresolved)), ...quotes(e.blocking.items, 'from', true), '');

  out.push(...h(1, W.givenToOthers(e.given.total.current, e.given.total.previous)));
  if (e.given.byCategory.length) out.push(l10n.t('By category: {0}.', e.given.byCategory.filter((c) => c.current > 0).map((c) => `${mdText(c.label)} ${c.current}`).join(', ') || l10n.t('untagged only')), '');
  if (e.given.examples.length) out.push(W.examples(), '', ...quotes(e.given.examples, 'to'), '');
  out.push(...h(1, W.praiseGiven(e.praise.givenCount)), ...quotes(e.praise.given, 'to'), '');
  if (e.feedbackGiven) out.push(...given(givenText(e.feedbackGiven), h));

  out.push(...h(1, W.goals()), ...entries(e.goals), '');
  out.push(...h(1, W.actionItems()), ...entries(e.actions), '');
  return out;
}

function linkOf(l: { text: string; url: string } | undefined): string {
  const url = reviewUrl(l?.url);
  return l && url ? ` [${mdText(l.text)}](<${url}>)` : '';
}

function given(g: GivenText, h: (level: number, text: string) => string[]): string[] {
  const out = [...h(1, givenTitle()), mdText(g.intro), ''];
  if (g.axes.length) out.push(...g.axes.map(([label, text]) => `- **${mdText(label)}**: ${mdText(text)}`), '');
  if (g.people.rows.length) {
    out.push(...h(2, W.byPerson()), `| ${g.people.header.join(' | ')} |`, `|---|${g.people.header.slice(1).map(() => '--:').join('|')}|`);
    out.push(...g.people.rows.map((r) => `| ${r.map(mdText).join(' | ')} |`), '');
  }
  out.push(...h(2, W.prompts()));
  if (g.prompts.length === 0) out.push(`- ${W.noPrompts()}`);
  for (const p of g.prompts) {
    const links = p.links.map((l) => link(l.label, l.url)).join(', ');
    out.push(`- ${mdText(p.text)} ${p.more ? l10n.t('Comments: {0} and {1} more.', links, p.more) : l10n.t('Comments: {0}.', links)}`);
  }
  out.push('');
  return out;
}

function quotes(list: Quote[], dir: 'from' | 'to', showResolved = false): string[] {
  if (list.length === 0) return [`- ${W.none()}`];
  return list.map((q) => {
    const flags = showResolved && q.resolved !== undefined ? [q.resolved ? W.resolved() : W.unresolved()] : [];
    const where = link(`${q.repo}#${q.prNumber}`, q.url || q.prUrl);
    const text = q.text ? `: “${mdText(q.text)}”` : '';
    return `- ${W.quoteHead(q.date, dir, mdText(q.person), where)}${flags.length ? ` (${flags.join(', ')})` : ''}${text}`;
  });
}

function entries(list: SummaryEntry[]): string[] {
  if (list.length === 0) return [`- ${W.none()}`];
  return list.map((e) => {
    const due = e.targetDate ? ` (${e.overdue ? l10n.t('due {0}, {1}', e.targetDate, `**${W.overdue()}**`) : l10n.t('due {0}', e.targetDate)})` : '';
    const links = e.links.length ? ` · ${W.linkedComments(e.links.length)}: ${e.links.map((l, i) => (l.url ? link(l.text || W.commentN(i + 1), l.url) : W.goneComment())).join('; ')}` : '';
    const goal = e.goal ? ` (${l10n.t('goal: {0}', mdText(e.goal.text))})` : '';
    return `- [${e.status === 'done' ? 'x' : ' '}] ${mdText(e.text)}${goal}${due}${links}`;
  });
}

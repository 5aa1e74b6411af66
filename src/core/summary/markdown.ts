// Markdown for a 1:1 document. Everything that came from GitHub is escaped
// so it shows as typed: no HTML, links or emphasis can come from a comment,
// and control characters are made visible (bidi controls dropped).
import { visibleControls } from '../safeText';
import type { EngineerSummary, Quote, Summary, SummaryEntry } from './schema';
import { change, periodText, reviewUrl, safeUrl, sharesLine, title } from './format';
import { plural } from './talkingPoints';
import { GIVEN_TITLE, givenText, type GivenText } from './givenText';
import { tooFew } from './format';

/** Backslash-escapes Markdown syntax and folds the text onto one line. */
export function mdText(s: string): string {
  return visibleControls(s).replace(/\s+/g, ' ').replace(/[\\`*_<>[\]|~]/g, (c) => `\\${c}`);
}

function link(text: string, url: string | undefined): string {
  const safe = safeUrl(url);
  return safe ? `[${mdText(text)}](<${safe.replace(/[<>\s]/g, encodeURIComponent)}>)` : mdText(text);
}

export function toMarkdown(s: Summary): string {
  const out: string[] = [`# ${mdText(title(s))}`, '', `Period: ${visibleControls(periodText(s))}. Generated ${s.generatedAt.slice(0, 10)}.`, ''];
  for (const n of s.notes) out.push(`> ${mdText(n)}`, '>');
  if (s.notes.length) out.pop(), out.push('');
  const team = s.team !== null;
  if (s.team) {
    out.push('## Team at a glance', '');
    out.push('| Engineer | Received | Change | Given | Change | Praise | Blocking (unresolved) | Open actions | Overdue goals | Top category |');
    out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|---|');
    for (const r of s.team) {
      out.push(`| ${mdText(r.login)} | ${r.received.current} | ${change(r.received)} | ${r.given.current} | ${change(r.given)} | ${r.praiseReceived} | ${r.blocking} (${r.unresolvedBlocking}) | ${r.openActions} | ${r.overdueGoals} | ${mdText(r.topCategory ?? '–')} |`);
    }
    out.push('', `Top category “–”: none, or fewer than ${s.minConfirmed} comments with a confirmed tag.`, '');
  }
  for (const e of s.engineers) out.push(...engineer(e, team ? 2 : 1, s.options.includeText, s.minConfirmed));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function engineer(e: EngineerSummary, base: number, withText: boolean, minConfirmed: number): string[] {
  const h = (level: number, text: string) => [`${'#'.repeat(base + level)} ${text}`, ''];
  const out: string[] = [];
  if (base > 1) out.push(...h(0, mdText(e.login)));
  out.push(...h(1, 'Talking points'));
  out.push(...(e.talkingPoints.length ? e.talkingPoints.map((t) => `- ${mdText(t.text)}${linkOf(t.link)}`) : ['- Nothing stands out this period.']), '');

  out.push(...h(1, 'Feedback received'));
  out.push('| | This period | Previous | Change |', '|---|--:|--:|--:|');
  const r = e.received;
  // Changes by category only between periods with enough confirmed tags; totals always.
  const delta = (t: Parameters<typeof change>[0]) => (r.comparable ? change(t) : '–');
  const rows = [
    ['Total', r.total, change(r.total)],
    ['Confirmed', r.confirmed, change(r.confirmed)],
    ['Technical', r.byGroup.technical, delta(r.byGroup.technical)],
    ['Interpersonal', r.byGroup.interpersonal, delta(r.byGroup.interpersonal)],
    ['Untagged', r.untagged, change(r.untagged)],
  ] as const;
  for (const [label, t, d] of rows) out.push(`| ${label} | ${t.current} | ${t.previous} | ${d} |`);
  out.push('');
  out.push(mdText(sharesLine(r.shares)), '');
  if (!r.comparable && r.total.current > 0) out.push(tooFew(r.confirmed.current, r.confirmed.previous, minConfirmed), '');
  if (r.byCategory.length) {
    out.push('| Category | This period | Previous | Change |', '|---|--:|--:|--:|');
    for (const c of r.byCategory) out.push(`| ${mdText(c.label)} | ${c.current} | ${c.previous} | ${delta(c)} |`);
    out.push('');
  }
  if (r.likely.length) {
    out.push('Likely categories (suggested by Review Mentor, not confirmed by a person; not counted above):', '');
    out.push('| Likely category | Comments |', '|---|--:|');
    for (const c of r.likely) out.push(`| *likely* ${mdText(c.label)} | ${c.count} |`);
    out.push('');
  }

  out.push(...h(1, 'Recurring themes'));
  const cats = e.themes.categories.map((c) => `${mdText(c.label)} (${c.count})`).join(', ');
  out.push(`- Categories: ${r.enoughConfirmed ? cats || 'none with more than one comment' : `too few confirmed tags (${r.confirmed.current}; at least ${minConfirmed} needed)`}`);
  if (withText) out.push(`- Topics: ${e.themes.topics.map((t) => `“${mdText(t.term)}” (${t.count})`).join(', ') || 'none recurring'}`);
  out.push('');

  out.push(...h(1, `Praise received (${e.praise.receivedCount})`), ...quotes(e.praise.received, 'from'), '');
  out.push(...h(1, `Blocking issues raised (${e.blocking.count}, ${e.blocking.unresolved} unresolved)`), ...quotes(e.blocking.items, 'from', true), '');

  out.push(...h(1, `Feedback given to others (${e.given.total.current}, previous ${e.given.total.previous})`));
  if (e.given.byCategory.length) out.push(`By category: ${e.given.byCategory.filter((c) => c.current > 0).map((c) => `${mdText(c.label)} ${c.current}`).join(', ') || 'untagged only'}.`, '');
  if (e.given.examples.length) out.push('Examples:', '', ...quotes(e.given.examples, 'to'), '');
  out.push(...h(1, `Praise given (${e.praise.givenCount})`), ...quotes(e.praise.given, 'to'), '');
  if (e.feedbackGiven) out.push(...given(givenText(e.feedbackGiven), h));

  out.push(...h(1, 'Goals'), ...entries(e.goals), '');
  out.push(...h(1, 'Action items'), ...entries(e.actions), '');
  return out;
}

function linkOf(l: { text: string; url: string } | undefined): string {
  const url = reviewUrl(l?.url);
  return l && url ? ` [${mdText(l.text)}](<${url}>)` : '';
}

function given(g: GivenText, h: (level: number, text: string) => string[]): string[] {
  const out = [...h(1, GIVEN_TITLE), mdText(g.intro), ''];
  if (g.axes.length) out.push(...g.axes.map(([label, text]) => `- **${mdText(label)}**: ${mdText(text)}`), '');
  if (g.people.rows.length) {
    out.push(...h(2, 'By person'), `| ${g.people.header.join(' | ')} |`, `|---|${g.people.header.slice(1).map(() => '--:').join('|')}|`);
    out.push(...g.people.rows.map((r) => `| ${r.map(mdText).join(' | ')} |`), '');
  }
  out.push(...h(2, 'Prompts'));
  if (g.prompts.length === 0) out.push('- Nothing stands out: too few comments for a pattern, or none worth raising.');
  for (const p of g.prompts) {
    const links = p.links.map((l) => link(l.label, l.url)).join(', ');
    out.push(`- ${mdText(p.text)} Comments: ${links}${p.more ? ` and ${p.more} more` : ''}.`);
  }
  out.push('');
  return out;
}

function quotes(list: Quote[], dir: 'from' | 'to', showResolved = false): string[] {
  if (list.length === 0) return ['- None.'];
  return list.map((q) => {
    const flags = showResolved && q.resolved !== undefined ? [q.resolved ? 'resolved' : 'unresolved'] : [];
    const where = link(`${q.repo}#${q.prNumber}`, q.url || q.prUrl);
    const text = q.text ? `: “${mdText(q.text)}”` : '';
    return `- ${q.date}, ${dir} ${mdText(q.person)} on ${where}${flags.length ? ` (${flags.join(', ')})` : ''}${text}`;
  });
}

function entries(list: SummaryEntry[]): string[] {
  if (list.length === 0) return ['- None.'];
  return list.map((e) => {
    const due = e.targetDate ? ` (due ${e.targetDate}${e.overdue ? ', **overdue**' : ''})` : '';
    const links = e.links.length ? ` · ${plural(e.links.length, 'linked comment')}: ${e.links.map((l, i) => (l.url ? link(l.text || `comment ${i + 1}`, l.url) : 'a comment no longer in the journal')).join('; ')}` : '';
    const goal = e.goal ? ` (goal: ${mdText(e.goal.text)})` : '';
    return `- [${e.status === 'done' ? 'x' : ' '}] ${mdText(e.text)}${goal}${due}${links}`;
  });
}

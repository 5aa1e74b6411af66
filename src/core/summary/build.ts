// buildSummary: journals in, one plain Summary out (see schema.ts). Pure: the
// clock, the time zone and the taxonomy are parameters. Renderers in this
// folder turn the Summary into Markdown, HTML, CSV and JSON.
import * as l10n from '@vscode/l10n';
import { isGivenBy, isReceivedBy, liveFeedback, type Entry, type Feedback, type Journal } from '../model';
import { countedCategories, isBlockingIssue, isBot, isPraise } from '../feedbackFacts';
import { stripMarkers } from '../markers';
import type { Taxonomy } from '../taxonomy';
import { firstLine } from '../browse/text';
import { zonedDate } from '../browse/zone';
import { inInterval, resolvePeriods, type DateInput, type Interval } from './period';
import { people, type People } from './people';
import { recurringTopics } from './themes';
import { countTagStates, enoughConfirmed, MIN_CONFIRMED } from '../vocabulary';
import { talkingPoints } from './talkingPoints';
import { likelyByCategory, tagShares } from '../review/likely';
import { feedbackGiven } from './given';
import { SUMMARY_VERSION, type CategoryCount, type EngineerSummary, type ItemRow, type Quote, type Summary, type SummaryEntry, type TeamRow, type Trend } from './schema';

export interface SummaryOptions {
  journals: readonly Journal[];
  /** Inclusive start. A "yyyy-mm-dd" string means the start of that day in `timeZone`. */
  from: DateInput;
  /** Exclusive end. A "yyyy-mm-dd" string means the start of that day in `timeZone`. */
  to: DateInput;
  now: Date;
  /** IANA zone for days and periods; default UTC. */
  timeZone?: string;
  /** false: no comment text or PR titles, only counts and links. */
  includeText: boolean;
  /** false: people other than the summarised engineers become "Reviewer 1", "Author 1", ... */
  includeReviewerNames: boolean;
  /** Leave out comments written by bots (GitHub Apps, "[bot]" logins). */
  excludeBots: boolean;
  taxonomy: Taxonomy;
  /** List likely categories (suggested, not confirmed) as a separate layer; default off. Shares are always stated. */
  includeLikely?: boolean;
  /** Add "Feedback you gave" (My reviews) for each engineer. */
  includeGiven?: boolean;
  /** More journals that may hold comments the engineers gave: those of engineers they track. */
  givenSources?: readonly Journal[];
}

const QUOTE_MAX = 280;
const MAX_QUOTES = 5;
const MAX_BLOCKING = 10;
const LINK_MAX = 90;

export { countedCategories, isBlockingIssue, isBot, isPraise };

/** Only inline review threads can be resolved on GitHub. */
function isUnresolved(f: Feedback): boolean {
  return f.kind === 'review-comment' && !f.isResolved;
}

export function buildSummary(o: SummaryOptions): Summary {
  const timeZone = o.timeZone ?? 'UTC';
  const { current, previous } = resolvePeriods(o.from, o.to, timeZone);
  const subjects = o.journals.map((j) => j.engineer.login);
  // Pseudonyms are numbered over the comments that count, so a left-out bot takes no number.
  const all = o.journals.flatMap((j) => liveFeedback(j)).filter((f) => !(o.excludeBots && isBot(f)));
  // Comments the engineers gave that only other journals hold name people too.
  const givenElsewhere = o.includeGiven ? (o.givenSources ?? []).flatMap((j) => Object.values(j.feedback)).filter((f) => subjects.some((s) => isGivenBy(f, s))) : [];
  const names = people([...all, ...givenElsewhere], subjects, o.includeReviewerNames);
  const today = zonedDate(o.now.getTime(), timeZone);
  const ctx: Ctx = { o, timeZone, current, previous, names, today };
  const engineers = o.journals.map((j) => engineerSummary(j, ctx));
  const notes: string[] = [];
  for (const e of engineers) {
    if (e.items.length === 0) notes.push(l10n.t('No feedback received or given by {0} between {1} and {2}.', e.login, current.firstDay, current.lastDay));
  }
  if (!o.includeText) notes.push(l10n.t('Comment text and pull request titles are left out of this summary.'));
  if (!o.includeReviewerNames) notes.push(l10n.t('Reviewer names are replaced by pseudonyms.'));
  const span = (i: Interval) => ({ from: new Date(i.from).toISOString(), to: new Date(i.to).toISOString(), firstDay: i.firstDay, lastDay: i.lastDay, days: i.days });
  return {
    summaryVersion: SUMMARY_VERSION,
    generatedAt: o.now.toISOString(),
    timeZone,
    minConfirmed: MIN_CONFIRMED,
    period: span(current),
    previousPeriod: span(previous),
    options: { includeText: o.includeText, includeReviewerNames: o.includeReviewerNames, excludeBots: o.excludeBots, includeLikely: o.includeLikely === true, ...(o.includeGiven ? { includeGiven: true } : {}) },
    engineers,
    team: engineers.length > 1 ? engineers.map(teamRow) : null,
    notes,
  };
}

interface Ctx {
  o: SummaryOptions;
  timeZone: string;
  current: Interval;
  previous: Interval;
  names: People;
  today: string;
}

function engineerSummary(journal: Journal, ctx: Ctx): EngineerSummary {
  const { o, current, previous } = ctx;
  const login = journal.engineer.login;
  const counted = liveFeedback(journal).filter((f) => !(o.excludeBots && isBot(f)));
  const timed = counted.map((f) => ({ f, t: Date.parse(f.createdAt) }));
  const pick = (test: (f: Feedback) => boolean, i: Interval) =>
    timed.filter((x) => test(x.f) && inInterval(x.t, i)).sort((a, b) => b.t - a.t || a.f.id.localeCompare(b.f.id)).map((x) => x.f);
  const received = (f: Feedback) => isReceivedBy(f, login);
  const given = (f: Feedback) => isGivenBy(f, login);
  const rCur = pick(received, current);
  const rPrev = pick(received, previous);
  const gCur = pick(given, current);
  const gPrev = pick(given, previous);

  const byCategory = categoryCounts(rCur, rPrev, o.taxonomy);
  const groupCount = (items: Feedback[], group: string) => items.filter((f) => countedCategories(f).some((c) => o.taxonomy.groupOf(c) === group)).length;
  const states = (items: Feedback[]) => countTagStates(items);
  const sCur = states(rCur);
  const sPrev = states(rPrev);
  // A top category or a trend needs enough confirmed tags to mean anything (core/vocabulary).
  const enough = enoughConfirmed(sCur.confirmed);
  const comparable = enough && enoughConfirmed(sPrev.confirmed);
  const praiseR = rCur.filter(isPraise);
  const praiseG = gCur.filter(isPraise);
  const blocking = rCur.filter(isBlockingIssue);
  // Tagged examples first: they show what kind of feedback the engineer gives.
  const examples = [...gCur].sort((a, b) => Number(countedCategories(b).length > 0) - Number(countedCategories(a).length > 0)).slice(0, 3);

  const facts = {
    login,
    host: journal.engineer.host,
    received: {
      total: trend(rCur.length, rPrev.length),
      untagged: trend(sCur.untagged, sPrev.untagged),
      confirmed: trend(sCur.confirmed, sPrev.confirmed),
      enoughConfirmed: enough,
      comparable,
      byGroup: { technical: trend(groupCount(rCur, 'technical'), groupCount(rPrev, 'technical')), interpersonal: trend(groupCount(rCur, 'interpersonal'), groupCount(rPrev, 'interpersonal')) },
      byCategory,
      shares: tagShares(rCur),
      likely: o.includeLikely ? likelyList(rCur, o.taxonomy) : [],
    },
    given: { total: trend(gCur.length, gPrev.length), byCategory: categoryCounts(gCur, gPrev, o.taxonomy), examples: examples.map((f) => quote(f, 'author', ctx)) },
    themes: {
      categories: enough ? byCategory.filter((c) => c.current >= 2).slice(0, 5).map((c) => ({ id: c.id, label: c.label, count: c.current })) : [],
      // Scored against everything the engineer received, so what is special about this period stands out.
      topics: o.includeText ? recurringTopics(rCur.map((f) => f.body), counted.filter(received).map((f) => f.body)) : [],
    },
    praise: {
      receivedCount: praiseR.length,
      givenCount: praiseG.length,
      received: praiseR.slice(0, MAX_QUOTES).map((f) => quote(f, 'reviewer', ctx)),
      given: praiseG.slice(0, MAX_QUOTES).map((f) => quote(f, 'author', ctx)),
    },
    blocking: { count: blocking.length, unresolved: blocking.filter(isUnresolved).length, items: blocking.slice(0, MAX_BLOCKING).map((f) => quote(f, 'reviewer', ctx)) },
    goals: entries(journal, 'goal', ctx),
    actions: entries(journal, 'action', ctx),
  };
  const items = [...rCur, ...gCur].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((f) => row(f, received(f) ? 'received' : 'given', ctx));
  const summary: EngineerSummary = { ...facts, talkingPoints: talkingPoints(facts, reviewLink(journal.engineer)), items };
  if (o.includeGiven) {
    summary.feedbackGiven = feedbackGiven(journal, { sources: o.givenSources ?? [], period: current, taxonomy: o.taxonomy, names: ctx.names, excludeBots: o.excludeBots });
  }
  return summary;
}

/** Opens the review flow for this engineer in VS Code (the extension's URI handler). */
export function reviewLink(e: { login: string; host: string }): string {
  return `${REVIEW_LINK_BASE}?login=${encodeURIComponent(e.login)}&host=${encodeURIComponent(e.host)}`;
}
export const REVIEW_LINK_BASE = 'vscode://review-mentor.review-mentor/review';

function likelyList(items: Feedback[], taxonomy: Taxonomy): { id: string; label: string; count: number }[] {
  const order = new Map(taxonomy.categories.map((c, i) => [c.id, i]));
  return [...likelyByCategory(items)]
    .map(([id, count]) => ({ id, label: taxonomy.labelOf(id), count }))
    .sort((a, b) => b.count - a.count || (order.get(a.id) ?? 999) - (order.get(b.id) ?? 999) || a.id.localeCompare(b.id));
}

function trend(current: number, previous: number): Trend {
  return { current, previous, delta: current - previous };
}

/** Categories seen in either period: most frequent now first, then taxonomy order. */
function categoryCounts(cur: Feedback[], prev: Feedback[], taxonomy: Taxonomy): CategoryCount[] {
  const tally = (items: Feedback[]) => {
    const m = new Map<string, number>();
    for (const f of items) for (const c of countedCategories(f)) m.set(c, (m.get(c) ?? 0) + 1);
    return m;
  };
  const a = tally(cur);
  const b = tally(prev);
  const order = new Map(taxonomy.categories.map((c, i) => [c.id, i]));
  const ids = [...new Set([...a.keys(), ...b.keys()])];
  return ids
    .map((id) => ({ id, label: taxonomy.labelOf(id), group: taxonomy.groupOf(id) ?? null, ...trend(a.get(id) ?? 0, b.get(id) ?? 0) }))
    .sort((x, y) => y.current - x.current || y.previous - x.previous || (order.get(x.id) ?? 999) - (order.get(y.id) ?? 999) || x.id.localeCompare(y.id));
}

/** Plain text for quoting: markers out, whitespace collapsed, truncated on a word. */
export function quoteText(body: string, max = QUOTE_MAX): string {
  const text = stripMarkers(body).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function quote(f: Feedback, personRole: 'reviewer' | 'author', ctx: Ctx): Quote {
  const q: Quote = {
    id: f.id,
    url: f.url,
    prUrl: f.prUrl,
    repo: f.repo,
    prNumber: f.prNumber,
    date: zonedDate(Date.parse(f.createdAt), ctx.timeZone),
    person: ctx.names.name(personRole === 'reviewer' ? f.reviewer : f.author),
    categories: countedCategories(f),
  };
  if (ctx.o.includeText) q.text = ctx.names.scrub(quoteText(f.body));
  if (f.kind === 'review-comment') q.resolved = f.isResolved;
  if (f.conventional?.blocking !== undefined) q.blocking = f.conventional.blocking;
  return q;
}

function row(f: Feedback, direction: 'received' | 'given', ctx: Ctx): ItemRow {
  const r: ItemRow = {
    id: f.id,
    direction,
    createdAt: f.createdAt,
    date: zonedDate(Date.parse(f.createdAt), ctx.timeZone),
    repo: f.repo,
    prNumber: f.prNumber,
    prUrl: f.prUrl,
    url: f.url,
    reviewer: ctx.names.name(f.reviewer),
    author: ctx.names.name(f.author),
    categories: countedCategories(f),
    blocking: isBlockingIssue(f),
    resolved: f.isResolved,
  };
  if (ctx.o.includeText && f.prTitle) r.prTitle = ctx.names.scrub(f.prTitle);
  if (f.path) r.path = f.path;
  if (f.line !== undefined) r.line = f.line;
  if (f.conventional) r.conventionalLabel = f.conventional.label;
  if (ctx.o.includeText) r.body = ctx.names.scrub(stripMarkers(f.body));
  return r;
}

/**
 * Goals or action items: every open one (they matter now, whenever they were
 * written) and those completed during the period. Dropped items and private
 * notes are not part of a summary.
 */
function entries(journal: Journal, kind: 'goal' | 'action', ctx: Ctx): SummaryEntry[] {
  return journal.entries
    .filter((e): e is Entry & { status: 'open' | 'done' } => e.kind === kind && (e.status === 'open' || (e.status === 'done' && inInterval(Date.parse(e.updatedAt), ctx.current))))
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) || (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') || a.createdAt.localeCompare(b.createdAt))
    .map((e) => {
      const out: SummaryEntry = {
        id: e.id,
        kind,
        text: ctx.names.scrub(e.text),
        status: e.status,
        overdue: e.status === 'open' && !!e.targetDate && e.targetDate < ctx.today,
        createdAt: e.createdAt,
        updatedAt: e.updatedAt,
        links: e.links.map((id) => {
          const f = journal.feedback[id];
          if (!f) return { id };
          const gone = f.deletedOnGitHubAt ? `${l10n.t('(deleted on GitHub)')} ` : '';
          return ctx.o.includeText ? { id, url: f.url, text: gone + ctx.names.scrub(quoteText(firstLine(f.body), LINK_MAX)) } : { id, url: f.url, ...(gone ? { text: gone.trim() } : {}) };
        }),
      };
      if (e.targetDate) out.targetDate = e.targetDate;
      const goal = e.kind === 'action' && e.goalId ? journal.entries.find((g) => g.id === e.goalId && g.kind === 'goal') : undefined;
      if (goal) out.goal = { id: goal.id, text: ctx.names.scrub(goal.text) };
      return out;
    });
}

function teamRow(e: EngineerSummary): TeamRow {
  return {
    login: e.login,
    received: e.received.total,
    given: e.given.total,
    praiseReceived: e.praise.receivedCount,
    blocking: e.blocking.count,
    unresolvedBlocking: e.blocking.unresolved,
    openActions: e.actions.filter((a) => a.status === 'open').length,
    overdueGoals: e.goals.filter((g) => g.overdue).length,
    // Never from a handful of confirmed tags: "Readability" from 1 tag misleads.
    topCategory: e.received.enoughConfirmed ? (e.received.byCategory.find((c) => c.current > 0 && c.id !== 'praise')?.label ?? null) : null,
  };
}

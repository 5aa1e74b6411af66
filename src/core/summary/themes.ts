// Recurring topics of a period: key phrases scored by TF-IDF against the
// engineer's whole history. Candidates are the runs of words between stop
// words and punctuation (the RAKE method), one to three words long, so
// "parameterised query" or "retry loop" come out whole. A phrase scores by
// how many comments of the period use it (once per comment, so one long
// comment cannot make a theme) times how rare it is in the rest of the
// history, so words every comment uses ("next", "much") sink and what is
// special about this period rises. Stop words: the `stopword` package's
// English list plus review filler no general list has.
import { eng } from 'stopword';
import { stripMarkers } from '../markers';

/**
 * Words of review comments that say how, not what: courtesy, hedges, review
 * jargon and the usual verbs and adjectives of a request. Kept short on purpose:
 * topic words (test, cache, error, name) must stay.
 */
const REVIEW_FILLER = `
  able across actually add added adding again agree agreed ago all almost along already although always anything anyway around ask
  back bad best better big bit blocking can't case cases check come comment comments consider correct could couldn't currently
  didn't different does doesn't doing don't done easy either else enough especially etc even ever every everything example exactly
  fair feel few fine first fix fixed following good great guess happy hard help here's hope however i'd i'll i'm idea instead it's
  just keep kind know last later least less let let's lgtm likely little look looking looks lot lots maybe mean means mind minor
  missing moment much need needed needs new next nice nit nitpick none nope note nothing ok okay one ones part perhaps place please
  point polish possible pretty probably quick quite rather re read really reason right said say says see seems sense small so
  something soon sorry stand still sure suggest suggestion take tell thank thanks that's there's thing things think though thought
  time today todo together tomorrow tried try trying two typo understand unless update updated use used using usually want wants
  way we'd we'll we're week went whether why wonder won't work works worth wouldn't yeah yes yet you'd you'll you're
  issue question questions praise chore quibble thought non-blocking review reviewed code change changes inline nits approve
  approved approving approval lgtm ship
  not no when why whom whose yours ours mine own such else anyone someone somewhere nowhere
  made make makes making cover covers covered explain explains explained left return returns returned full bigger heads couple
  call calls called put puts get gets getting give gives go goes going gone seem seemed show shows shown start started stop
  turn turns bring brings feels felt found find finds keeps kept leave leaves mention mentioned run runs wrong clear clearer
  clean cleaner simple simpler small smaller large larger whole real same own sort bits step steps area bunch mostly will shall
  looked off once behind revisit itself jumping help avoid
`.split(/\s+/);

const STOP = new Set([...eng, ...REVIEW_FILLER].map((w) => w.toLowerCase()).filter(Boolean));

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/** Lower-case word runs of a comment with code, links, quotes and markers removed; punctuation ends a run. */
export function topicWords(body: string): string[][] {
  const text = stripMarkers(body)
    .replace(/```[\s\S]*?(```|$)/g, ' . ')
    .replace(/`[^`\n]*`/g, ' . ')
    .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' . ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/[a-z]+:\/\/\S+|javascript:\S+/gi, ' . ')
    // Calls such as alert(1) or fetch(url) are code, not topics.
    .replace(/[\w.$]+\([^)\n]*\)/g, ' . ')
    .replace(/^\s*>.*$/gm, ' . ')
    .replace(/<[^>]*>/g, ' ')
    .toLowerCase();
  // Sentences and clauses split phrases: "tests. cache" is not a phrase.
  return text.split(/[.!?;:,()[\]{}"“”\n]+/).map((s) => (s.match(/[a-z][a-z'-]*[a-z]|[a-z]/g) ?? []).map((w) => w.replace(/'s$/, '')));
}

const MAX_WORDS = 3;
/** Adverbs say how, not what: "quickly", "really", "easily", "clearly". */
const ADVERB = /^\w{3,}(?:ally|ily|ely|tly|ckly|ously|fully|ntly|rly|dly|sly|wly|ghly)$/;

/**
 * Candidate key phrases of one comment (RAKE): the runs of words between stop
 * words, as a whole when at most three words long, and their words and word
 * pairs, so a phrase shared by two comments in different runs still recurs.
 */
export function candidatePhrases(body: string): Set<string> {
  const out = new Set<string>();
  for (const sentence of topicWords(body)) {
    let run: string[] = [];
    const flush = () => {
      if (run.length <= MAX_WORDS && run.length > 0) out.add(run.join(' '));
      for (let n = 1; n <= Math.min(2, run.length); n++) {
        for (let i = 0; i + n <= run.length; i++) out.add(run.slice(i, i + n).join(' '));
      }
      run = [];
    };
    for (const w of sentence) {
      if (STOP.has(w) || w.length < 3 || /^\d/.test(w) || ADVERB.test(w)) flush();
      else run.push(singular(w));
    }
    flush();
  }
  return out;
}

/** "tests" and "test" are one topic: a plain plural -s is folded (not -ss, -us, -is). */
function singular(w: string): string {
  return w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w) ? w.slice(0, -1) : w;
}

export interface Topic {
  term: string;
  /** Comments of the period that use it. */
  count: number;
}

/**
 * Topics of `period` (comment bodies), scored against `history` (every body
 * of the engineer's; the period's own may be included). A topic must recur:
 * at least `minCount` comments of the period.
 */
export function recurringTopics(period: readonly string[], history: readonly string[] = period, limit = 8, minCount = 2): Topic[] {
  // Which comments of the period use each phrase (indexes), once per comment.
  const docs = new Map<string, number[]>();
  period.forEach((body, i) => {
    for (const p of candidatePhrases(body)) {
      const list = docs.get(p);
      if (list) list.push(i);
      else docs.set(p, [i]);
    }
  });
  const recurring = [...docs].filter(([, d]) => d.length >= minCount).map(([t, d]) => [t, d.length] as const);
  if (recurring.length === 0) return [];
  const wanted = new Set(recurring.map(([t]) => t));
  const dfHistory = new Map<string, number>();
  for (const body of history) for (const p of candidatePhrases(body)) if (wanted.has(p)) dfHistory.set(p, (dfHistory.get(p) ?? 0) + 1);
  const n = Math.max(history.length, period.length);
  const scored = recurring.map(([term, count]) => {
    const df = Math.max(count, dfHistory.get(term) ?? 0);
    const idf = Math.log((n + 1) / (df + 1)) + 1;
    const words = term.split(' ').length;
    // Phrases say more than single words: "retry loop" over "retry".
    return { term, count, score: count * idf * (1 + 0.5 * (words - 1)) };
  });
  scored.sort((a, b) => b.score - a.score || b.count - a.count || a.term.localeCompare(b.term));
  const out: Topic[] = [];
  for (const t of scored) {
    // One phrase per idea: skip a phrase that only ever comes up in comments a
    // chosen one already names (the words of one repeated sentence), one inside
    // a chosen phrase, or one sharing a word with a chosen phrase that recurs at least as often.
    const mine = docs.get(t.term)!;
    const same = out.some((o) => {
      const theirs = new Set(docs.get(o.term)!);
      return mine.every((d) => theirs.has(d)) || contains(o.term, t.term) || (shareWord(o.term, t.term) && o.count >= t.count);
    });
    if (same) continue;
    out.push({ term: t.term, count: t.count });
    if (out.length >= limit) break;
  }
  return out;
}

function contains(phrase: string, part: string): boolean {
  return ` ${phrase} `.includes(` ${part} `);
}

function shareWord(a: string, b: string): boolean {
  const words = new Set(a.split(' '));
  return b.split(' ').some((w) => words.has(w));
}

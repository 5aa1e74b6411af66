// Recurring topics: words and two-word phrases that come up in several
// comments. Counted once per comment (document frequency) so one long
// comment cannot make a theme; code, links, markers and stop words are left out.
import { stripMarkers } from '../markers';

const STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can
  could did do does doing done down during each else few for from further had has have having he her here hers herself him himself
  his how i if in into is it its itself just let like maybe me might more most must my myself no nor not now of off on once only or
  other our ours ourselves out over own please same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up very was we were what when where which while who whom why will with would
  you your yours yourself yourselves ok okay yes yeah thanks thank think thought really actually probably still though one two get
  got make made use used using need needs want wants see seems way thing things lot bit something nit nitpick suggestion issue
  question praise todo chore note typo polish quibble blocking non-blocking lgtm also here there
  look looks looking good great nice fine sure agreed agree done sounds right fair enough small update change changes
  review code let's`.split(/\s+/),
);

/** Lower-case word tokens of a comment with code, links, quotes and markers removed. */
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
  // Sentences split phrases: "tests. cache" is not a bigram.
  return text.split(/[.!?;:,()\n]+/).map((s) => s.match(/[a-z][a-z'-]{2,}/g) ?? []);
}

export interface Topic {
  term: string;
  count: number;
}

export function recurringTopics(bodies: readonly string[], limit = 8, minCount = 2): Topic[] {
  const df = new Map<string, number>();
  for (const body of bodies) {
    const seen = new Set<string>();
    for (const sentence of topicWords(body)) {
      const words = sentence.map((w) => w.replace(/'s$/, '').replace(/^-+|-+$/g, ''));
      words.forEach((w, i) => {
        if (STOP.has(w) || w.length < 3) return;
        seen.add(w);
        const next = words[i + 1];
        if (next && !STOP.has(next) && next.length >= 3) seen.add(`${w} ${next}`);
      });
    }
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const ranked = [...df]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || b[0].split(' ').length - a[0].split(' ').length || a[0].localeCompare(b[0]));
  const out: Topic[] = [];
  for (const [term, count] of ranked) {
    // A word is dropped when a chosen phrase containing it is just as frequent.
    if (!term.includes(' ') && out.some((t) => t.count >= count && t.term.split(' ').includes(term))) continue;
    out.push({ term, count });
    if (out.length >= limit) break;
  }
  return out;
}

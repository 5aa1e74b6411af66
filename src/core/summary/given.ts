// "Feedback you gave" in a summary: the My reviews mix and prompts for the
// summary's period, with the summary's privacy options (pseudonyms; prompts
// never quote comment text, only link to the comments).
import * as l10n from '@vscode/l10n';
import { collectGiven, mirrorReport, type Mix } from '../mirror';
import { isGivenBy, sameLogin, type Journal } from '../model';
import type { Taxonomy } from '../taxonomy';
import { isBot } from '../feedbackFacts';
import type { Interval } from './period';
import type { People } from './people';
import type { FeedbackGiven } from './schema';

export interface GivenContext {
  /** Other journals that may hold comments the engineer gave (tracked engineers'). */
  sources: readonly Journal[];
  period: Interval;
  taxonomy: Taxonomy;
  names: People;
  excludeBots: boolean;
}

export function feedbackGiven(journal: Journal, ctx: GivenContext): FeedbackGiven {
  const login = journal.engineer.login;
  const others = ctx.sources.filter((j) => !sameLogin(j.engineer.login, login) || j.engineer.host !== journal.engineer.host);
  const given = collectGiven(login, [journal, ...others]).items.filter((f) => !(ctx.excludeBots && isBot(f)));
  const r = mirrorReport(given, {
    reviewer: login,
    from: ctx.period.from,
    to: ctx.period.to,
    groupOf: (c) => ctx.taxonomy.groupOf(c),
    labelOf: (c) => ctx.taxonomy.labelOf(c),
    nameOf: (l) => ctx.names.name(l),
    periodPhrase: l10n.t(' in this period'),
  });
  const own = new Set(Object.values(journal.feedback).filter((f) => isGivenBy(f, login)).map((f) => f.id));
  const urls = new Map(given.map((f) => [f.id, f.url]));
  const m = r.overall;
  return {
    total: m.total,
    onlyInOtherJournals: r.ids.filter((id) => !own.has(id)).length,
    kind: { ...m.tone.counts, likelyPraise: m.likelyTone.counts.praise, likelyIssue: m.likelyTone.counts.issue },
    group: { ...m.group.counts, likelyTechnical: m.likelyGroup.counts.technical, likelyInterpersonal: m.likelyGroup.counts.interpersonal },
    blocking: { ...m.blocking.counts },
    form: { ...m.form.counts },
    threads: { ...m.thread.counts },
    labelled: m.labels.counts.labelled,
    categories: m.categories.map((c) => ({ id: c.id, label: ctx.taxonomy.labelOf(c.id), group: ctx.taxonomy.groupOf(c.id) ?? null, count: c.confirmed, likely: c.likely })),
    people: r.people.map((p) => ({ person: ctx.names.name(p.login), ...personCounts(p.mix), differences: p.differences.map((d) => ({ ...d })) })),
    prompts: r.prompts.map((p) => ({
      rule: p.rule,
      kind: p.kind,
      text: p.text,
      ...(p.person ? { person: ctx.names.name(p.person) } : {}),
      comments: p.ids.map((id) => ({ id, url: urls.get(id) ?? '' })),
    })),
  };
}

function personCounts(m: Mix) {
  return {
    total: m.total,
    praise: m.tone.counts.praise,
    issue: m.tone.counts.issue,
    blocking: m.blocking.counts.blocking,
    question: m.form.counts.question,
    inline: m.thread.total,
    resolved: m.thread.counts.resolved,
  };
}

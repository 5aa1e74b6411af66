// Fixed journals for "My reviews": rita reviews sam-lee, eli and dana in March
// 2026. Each comment is there for one rule; the comments say which.
import type { ConventionalLabel, Feedback, Journal, Tag } from '../../../src/core/model';
import { DEFAULT_CATEGORIES, Taxonomy } from '../../../src/core/taxonomy';
import type { MirrorOptions } from '../../../src/core/mirror';

export const REVIEWER = 'rita';
export const FROM = Date.parse('2026-03-01T00:00:00Z');
export const TO = Date.parse('2026-04-01T00:00:00Z');
export const taxonomy = new Taxonomy(DEFAULT_CATEGORIES);

export function options(over: Partial<MirrorOptions> = {}): MirrorOptions {
  return { reviewer: REVIEWER, from: FROM, to: TO, groupOf: (c) => taxonomy.groupOf(c), labelOf: (c) => taxonomy.labelOf(c), periodPhrase: ' in March', ...over };
}

export const t = (category: string, source: Tag['source'] = 'manual'): Tag => ({ category, source, at: '2026-04-01T00:00:00Z', by: REVIEWER, ...(source === 'suggested' ? { confidence: 0.7 } : {}) });
const label = (l: string, ...decorations: string[]): ConventionalLabel => ({
  label: l,
  decorations,
  ...(decorations.includes('blocking') ? { blocking: true } : decorations.includes('non-blocking') ? { blocking: false } : {}),
});

/** A March day from the id, so every build of a journal gives the same dates. */
function dayOf(id: string): string {
  const n = [...id].reduce((s, c) => s + c.charCodeAt(0), 0);
  return String((n % 28) + 1).padStart(2, '0');
}

export function given(id: string, author: string, over: Partial<Feedback> = {}): Feedback {
  const at = `2026-03-${dayOf(id)}T10:00:00Z`;
  return {
    id,
    kind: 'review-comment',
    prUrl: `https://github.com/acme/api/pull/${id.length}`,
    repo: 'acme/api',
    prNumber: id.length,
    path: 'src/a.ts',
    line: 3,
    author,
    reviewer: REVIEWER,
    body: '',
    url: `https://github.com/acme/api/pull/1#discussion_${id}`,
    createdAt: at,
    updatedAt: at,
    isResolved: false,
    tags: [],
    ...over,
  };
}

function journal(login: string, items: Feedback[], syncedUntil: string): Journal {
  return { schemaVersion: 2, engineer: { login, host: 'github.com' }, syncedUntil, feedback: Object.fromEntries(items.map((f) => [f.id, f])), entries: [] };
}

/** rita's own journal: what she gave (and one comment on her own PR, which is not feedback given). */
export function ritaJournal(): Journal {
  const blockingIssue = label('issue', 'blocking');
  return journal(REVIEWER, [
    // To sam-lee: six issues, four blocking, no praise; one comment the classifier thinks is praise.
    given('s1', 'sam-lee', { body: 'issue (blocking): `data2` does not say what it holds; rename it.', conventional: blockingIssue, tags: [t('readability')], isResolved: true }),
    given('s2', 'sam-lee', { body: 'issue (blocking, readability): the nested ternaries are hard to follow. Use an early return.', conventional: label('issue', 'blocking', 'readability'), tags: [t('readability', 'conventional-comment')] }),
    given('s3', 'sam-lee', { body: 'issue (blocking): magic number 86400, please name it.', conventional: blockingIssue, tags: [t('readability')] }),
    given('s4', 'sam-lee', { body: 'issue (blocking): this swallows the error.', conventional: blockingIssue, tags: [t('correctness')] }),
    given('s5', 'sam-lee', { body: 'suggestion: extract the mapping into a helper.', conventional: label('suggestion'), tags: [t('design')] }),
    // Unresolved here; sam-lee's journal, synced later, knows it was resolved.
    given('s6', 'sam-lee', { body: 'nitpick (non-blocking): trailing whitespace.', conventional: label('nitpick', 'non-blocking'), tags: [t('readability', 'conventional-comment')] }),
    given('s7', 'sam-lee', { body: 'Really clean solution here.', tags: [t('praise', 'suggested')] }),
    // To eli: five blocking readability issues and nothing else.
    ...[1, 2, 3, 4, 5].map((n) =>
      given(`e${n}`, 'eli', { body: `issue (blocking, readability): name number ${n} is unclear.`, conventional: label('issue', 'blocking', 'readability'), tags: [t('readability', 'conventional-comment')], isResolved: n <= 2 }),
    ),
    // To dana: praise in review summaries, and questions (four of five resolved).
    ...[1, 2, 3, 4, 5].map((n) => given(`d${n}`, 'dana', { kind: 'review-summary', path: undefined, line: undefined, body: `praise: lovely test number ${n}.`, conventional: label('praise'), tags: [t('praise', 'conventional-comment')] })),
    given('q1', 'dana', { body: 'question: does this cover the batch path?', conventional: label('question'), isResolved: true }),
    given('q2', 'dana', { body: 'Could we add a test for the empty case?', tags: [t('testing')], isResolved: true }),
    given('q3', 'dana', { body: 'What happens when the list is empty?', tags: [t('testing', 'suggested')], isResolved: true }),
    given('q4', 'dana', { body: 'Why not reuse the cache?', tags: [t('design')], isResolved: true }),
    given('q5', 'dana', { body: 'Is the timeout `30s` on purpose?', tags: [] }),
    // Outside the period, and not feedback given (her own PR).
    given('old', 'sam-lee', { createdAt: '2026-02-10T10:00:00Z', body: 'praise: nice.', conventional: label('praise'), tags: [t('praise')] }),
    given('self', REVIEWER, { body: 'Note to self: rebase.' }),
  ], '2026-04-01T00:00:00Z');
}

/** sam-lee's journal: what sam-lee received, from rita and from bob. */
export function samJournal(): Journal {
  const rita = ritaJournal().feedback;
  return journal('sam-lee', [
    // Same comment as rita's copy, resolved since; a different tag, which rita's own tag overrides.
    { ...rita['s6']!, isResolved: true },
    { ...rita['s5']!, tags: [t('tone')] },
    // Only here: rita's conversation comment on sam-lee's PR.
    given('x1', 'sam-lee', { kind: 'conversation', path: undefined, line: undefined, body: 'Thanks for the quick turnaround.', tags: [t('collaboration')] }),
    // Not from rita.
    { ...given('b1', 'sam-lee', { body: 'praise: great work.' }), reviewer: 'bob' },
  ], '2026-04-02T00:00:00Z');
}

export function journals(): Journal[] {
  return [samJournal(), ritaJournal()];
}

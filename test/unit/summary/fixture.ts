// A hand-written journal for the golden files: one engineer (dana), February
// 2026 as the period, January 4-31 as the previous one. Each item is there to
// exercise one rule; the comment says which.
import type { Entry, Feedback, Journal, Tag } from '../../../src/core/model';

const AT = '2026-03-01T00:00:00Z';
const t = (category: string, source: Tag['source'] = 'manual'): Tag => ({ category, source, at: AT, by: 'alice', ...(source === 'suggested' ? { confidence: 0.8 } : {}) });

function item(id: string, over: Partial<Feedback>): Feedback {
  const pr = over.prNumber ?? 12;
  const repo = over.repo ?? 'acme/api';
  return {
    id,
    kind: 'review-comment',
    prUrl: `https://github.com/${repo}/pull/${pr}`,
    prTitle: 'Retry failed uploads',
    repo,
    prNumber: pr,
    path: 'src/upload/retry.ts',
    line: 42,
    author: 'dana',
    reviewer: 'alice',
    body: '',
    url: `https://github.com/${repo}/pull/${pr}#discussion_${id}`,
    createdAt: '2026-02-10T10:00:00Z',
    updatedAt: '2026-02-10T10:00:00Z',
    isResolved: false,
    tags: [],
    ...over,
  };
}

export const NOW = new Date('2026-03-02T09:00:00Z');
export const FROM = '2026-02-01';
export const TO = '2026-03-01';

export function danaJournal(): Journal {
  const feedback: Feedback[] = [
    // Exactly at the start of the period: counted in February, not January.
    item('r7', { createdAt: '2026-02-01T00:00:00Z', body: 'Consider splitting this module: upload and retry are two concerns.', tags: [t('design')], isResolved: true }),
    item('r1', { createdAt: '2026-02-03T09:00:00Z', body: 'Please add a test for the retry timeout path. The error handling has no test yet.', tags: [t('testing')] }),
    item('r2', { createdAt: '2026-02-05T15:30:00Z', reviewer: 'bob', body: 'nit: the error handling here swallows the stack; also rename `x` to `attempt`.', tags: [t('testing'), t('readability', 'conventional-comment')], isResolved: true, conventional: { label: 'nitpick', decorations: [] } }),
    item('r3', { createdAt: '2026-02-10T11:00:00Z', kind: 'review-summary', body: 'praise: Great error handling and clear tests! <!-- review-mentor: interpersonal/praise -->', tags: [t('praise', 'conventional-comment'), t('praise', 'marker')], conventional: { label: 'praise', decorations: [] } }),
    // Hostile body: must come out escaped everywhere.
    item('r4', { createdAt: '2026-02-12T08:00:00Z', reviewer: 'carol', prNumber: 15, body: 'issue (blocking, security): this builds SQL from user input <script>alert(1)</script>', tags: [t('security', 'conventional-comment')], conventional: { label: 'issue', decorations: ['blocking', 'security'], blocking: true } }),
    // A bot: left out.
    item('r5', { createdAt: '2026-02-14T08:00:00Z', reviewer: 'dependabot[bot]', reviewerIsBot: true, body: 'Bumps lodash from 4.17.20 to 4.17.21.', tags: [t('tooling')] }),
    // Only a suggestion: counts as untagged.
    item('r6', { createdAt: '2026-02-20T12:00:00Z', reviewer: 'bob', body: 'Maybe add a test for the error handling path too?', tags: [t('testing', 'suggested')] }),
    item('r9', { createdAt: '2026-02-25T16:45:00Z', reviewer: 'carol', prNumber: 15, body: 'Test names should say what they check, e.g. "retries three times then fails".', tags: [t('testing')] }),
    // A conversation comment with HTML, a javascript: link, a comma, quotes and a newline.
    item('r10', { createdAt: '2026-02-26T10:00:00Z', kind: 'conversation', reviewer: 'erin', path: undefined, line: undefined, body: 'Thanks for jumping on this, "really" quick!\n<img src=x onerror=alert(1)> [details](javascript:alert(1))', tags: [t('collaboration')] }),
    // Exactly at the end of the period: belongs to March.
    item('r8', { createdAt: '2026-03-01T00:00:00Z', reviewer: 'carol', body: 'Flaky test: please fix before merging.', tags: [t('testing')] }),
    // Previous period.
    item('p1', { createdAt: '2026-01-10T10:00:00Z', prNumber: 9, body: 'Off-by-one in the page count.', tags: [t('correctness')] }),
    item('p2', { createdAt: '2026-01-15T10:00:00Z', prNumber: 9, reviewer: 'bob', body: 'This returns null when the list is empty.', tags: [t('correctness')] }),
    item('p3', { createdAt: '2026-01-20T10:00:00Z', prNumber: 10, reviewer: 'bob', body: 'Race between the two writes.', tags: [t('correctness')] }),
    item('p4', { createdAt: '2026-01-25T10:00:00Z', prNumber: 10, reviewer: 'carol', body: 'Add a test for the empty list.', tags: [t('testing')] }),
    // The fifth confirmed comment of January: enough (MIN_CONFIRMED) for the periods to be compared.
    item('p5', { createdAt: '2026-01-28T10:00:00Z', prNumber: 10, reviewer: 'alice', body: 'Please document the retry budget in the README.', tags: [t('documentation')] }),
    // Feedback dana gave.
    item('g1', { createdAt: '2026-02-08T14:00:00Z', repo: 'acme/web', prNumber: 101, author: 'erin', reviewer: 'dana', body: 'Nice approach! One idea: extract the parser so it is testable.', tags: [t('praise'), t('mentoring')] }),
    // Starts with "=": a spreadsheet must not run it.
    item('g2', { createdAt: '2026-02-18T14:00:00Z', repo: 'acme/web', prNumber: 104, author: 'frank', reviewer: 'dana', body: '=SUM(A1:A2) is what the old report did; please add a test, for the totals.', tags: [t('testing')] }),
    item('gp1', { createdAt: '2026-01-12T14:00:00Z', repo: 'acme/web', prNumber: 90, author: 'erin', reviewer: 'dana', body: 'Looks good.', tags: [] }),
    item('gp2', { createdAt: '2026-01-13T14:00:00Z', repo: 'acme/web', prNumber: 91, author: 'frank', reviewer: 'dana', body: 'Why not reuse the cache?', tags: [t('design')] }),
  ];
  const e = (over: Partial<Entry> & Pick<Entry, 'id' | 'kind' | 'text'>): Entry => ({ status: 'open', links: [], createdAt: '2026-01-20T09:00:00Z', updatedAt: '2026-01-20T09:00:00Z', ...over });
  const entries: Entry[] = [
    e({ id: 'e1', kind: 'goal', text: 'Write the test before fixing a bug', targetDate: '2026-02-15', links: ['r1', 'r9'] }),
    e({ id: 'e2', kind: 'goal', text: 'Learn the SQL query builder', status: 'done', updatedAt: '2026-02-20T09:00:00Z', links: ['r4'] }),
    e({ id: 'e3', kind: 'action', text: 'Pair with alice on the retry tests', links: ['r1', 'missing-id'], goalId: 'e1' }),
    e({ id: 'e4', kind: 'action', text: 'Rename variables in the parser', status: 'done', updatedAt: '2026-02-06T09:00:00Z' }),
    e({ id: 'e5', kind: 'action', text: 'Dropped idea', status: 'dropped' }),
    e({ id: 'e6', kind: 'note', text: 'Private note: feeling stretched this month.' }),
    e({ id: 'e7', kind: 'action', text: 'Done back in January', status: 'done', updatedAt: '2026-01-28T09:00:00Z' }),
  ];
  return { schemaVersion: 2, engineer: { login: 'dana', host: 'github.com' }, syncedUntil: AT, feedback: Object.fromEntries(feedback.map((f) => [f.id, f])), entries };
}

/** A second engineer for the team summary. */
export function erinJournal(): Journal {
  const f = item('x1', { createdAt: '2026-02-09T10:00:00Z', repo: 'acme/web', prNumber: 101, author: 'erin', reviewer: 'dana', body: 'Nice approach! One idea: extract the parser so it is testable.', tags: [t('praise'), t('mentoring')] });
  return { schemaVersion: 2, engineer: { login: 'erin', host: 'github.com' }, syncedUntil: AT, feedback: { x1: f }, entries: [] };
}

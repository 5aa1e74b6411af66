// Typed builders for journal snapshots used by the browser tests and the bench.
import { DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';
import type { Entry, Feedback, Tag } from '../../../src/core/model';
import type { JournalSnapshot } from '../../../src/protocol';

export const LOGIN = 'alice';
export const NOW = '2026-11-20T12:00:00.000Z';

export function tag(category: string, source: Tag['source'] = 'manual', confidence?: number): Tag {
  return { category, source, at: NOW, by: source === 'manual' ? 'bob' : 'review-mentor', ...(confidence !== undefined ? { confidence } : {}) };
}

let seq = 0;
export function feedback(p: Partial<Feedback> = {}): Feedback {
  const n = ++seq;
  return {
    id: `C_${n}`,
    kind: 'review-comment',
    prUrl: `https://github.com/acme/widgets/pull/${n}`,
    prTitle: `Improve widget ${n}`,
    repo: 'acme/widgets',
    prNumber: n,
    path: 'src/widget.ts',
    line: 10,
    author: LOGIN,
    reviewer: 'bob',
    body: `Comment number ${n}`,
    url: `https://github.com/acme/widgets/pull/${n}#discussion_r${n}`,
    createdAt: '2026-11-10T10:00:00.000Z',
    updatedAt: '2026-11-10T10:00:00.000Z',
    isResolved: false,
    tags: [],
    ...p,
  };
}

export function entry(p: Partial<Entry> = {}): Entry {
  const n = ++seq;
  return { id: `E_${n}`, kind: 'goal', text: `Goal ${n}`, status: 'open', links: [], createdAt: NOW, updatedAt: NOW, ...p };
}

export function snapshot(p: Partial<JournalSnapshot> = {}): JournalSnapshot {
  return {
    engineer: { login: LOGIN, host: 'github.com' },
    feedback: [],
    entries: [],
    categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })),
    now: NOW,
    readOnly: false,
    ...p,
  };
}

const PHRASES = [
  'Could we add a test for the empty list case?',
  'Nice work, this is much clearer than before!',
  'This loop is O(n^2); a `Map` would make it linear.',
  '**nit:** the name `data2` does not say what it holds.',
  'Please document why the retry limit is 5.',
  'Thanks for splitting this PR, it made the review easy.',
];
const CATS = ['testing', 'praise', 'performance', 'readability', 'documentation', 'collaboration', 'design', 'correctness'];
const REVIEWERS = ['bob', 'carol', 'dave', 'erin', 'frank'];

/** n deterministic items spread over the year before NOW. */
export function manyFeedback(n: number): Feedback[] {
  const end = Date.parse(NOW);
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(end - ((i * 7919) % 365) * 86_400_000 - (i % 24) * 3_600_000).toISOString();
    const tags = i % 5 === 4 ? [] : [tag(CATS[i % CATS.length]!)];
    if (i % 7 === 0) tags.push(tag(CATS[(i + 3) % CATS.length]!, 'suggested', 0.7));
    return feedback({
      id: `C_bulk_${i}`,
      reviewer: REVIEWERS[i % REVIEWERS.length]!,
      repo: i % 3 === 0 ? 'acme/api' : 'acme/widgets',
      body: `${PHRASES[i % PHRASES.length]}\n\nItem ${i}.`,
      createdAt: at,
      updatedAt: at,
      tags,
    });
  });
}

/** A journal that exercises every part of the panel: tags, a suggestion, praise, code, goals, actions, notes. */
export function demoSnapshot(): JournalSnapshot {
  return snapshot({
    feedback: [
      feedback({ id: 'd1', reviewer: 'carol', prTitle: 'Add retry to the payment client', body: '**issue (testing):** this retry path has no test. Could you add one for the `503` case?\n\n```ts\nawait client.charge(order);\n```', tags: [tag('testing')], createdAt: '2026-11-19T10:00:00Z' }),
      feedback({ id: 'd2', reviewer: 'dave', prTitle: 'Speed up the search index', body: 'This loop is O(n²); a `Map` keyed by id would make it linear. See [the guide](https://example.com/perf).', tags: [tag('performance', 'suggested', 0.82)], createdAt: '2026-11-17T10:00:00Z' }),
      feedback({ id: 'd3', reviewer: 'erin', prTitle: 'Refactor the order form', body: 'praise: really clear naming here, and splitting the form into steps made this easy to review. Thank you!', tags: [tag('praise')], conventional: { label: 'praise', decorations: [] }, createdAt: '2026-11-12T10:00:00Z' }),
      ...manyFeedback(240),
    ],
    entries: [
      entry({ id: 'g1', kind: 'goal', text: 'Write the test before asking for review', targetDate: '2026-12-31', links: ['d1'] }),
      entry({ id: 'g2', kind: 'goal', text: 'Explain design choices in the PR description', status: 'done' }),
      entry({ id: 'a1', kind: 'action', text: 'Read the team testing guide' }),
      entry({ id: 'a2', kind: 'action', text: 'Pair with Dave on profiling', status: 'done' }),
      entry({ id: 'n1', kind: 'note', text: 'Reviewers ask for tests on error paths most often.' }),
    ],
  });
}

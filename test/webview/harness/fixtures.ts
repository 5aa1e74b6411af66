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

// zod schema for a dataset file (`npm run sandbox -- --data FILE`), so a
// hand-edited or older file fails with a message naming the bad field
// instead of breaking deep inside the server.
import { z } from 'zod';
import type { Dataset } from './dataset';

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO 8601 date' });
const login = z.string().min(1);

const comment = z.object({ id: z.string().min(1), databaseId: z.number().int().positive(), author: login, body: z.string(), createdAt: isoDate, updatedAt: isoDate, category: z.string().optional() });
const thread = z.object({
  id: z.string().min(1),
  path: z.string().min(1),
  line: z.number().int().positive().nullable(),
  originalLine: z.number().int().positive().nullable(),
  diffHunk: z.string(),
  isResolved: z.boolean(),
  isOutdated: z.boolean(),
  comments: z.array(comment).min(1),
});
const review = z.object({
  id: z.string().min(1),
  databaseId: z.number().int().positive(),
  author: login,
  body: z.string(),
  state: z.enum(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED']),
  submittedAt: isoDate,
  updatedAt: isoDate,
  category: z.string().optional(),
});
const pullRequest = z.object({
  id: z.string().min(1),
  number: z.number().int().positive(),
  repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'expected "owner/name"'),
  title: z.string(),
  author: login,
  state: z.enum(['OPEN', 'CLOSED', 'MERGED']),
  createdAt: isoDate,
  updatedAt: isoDate,
  reviews: z.array(review),
  threads: z.array(thread),
  comments: z.array(comment),
});

export const datasetSchema = z.object({
  formatVersion: z.literal(1),
  users: z.array(z.object({ login, name: z.string().optional(), type: z.enum(['User', 'Bot']) })).min(1),
  repos: z.array(z.object({ owner: z.string().min(1), name: z.string().min(1), collaborators: z.array(login).optional() })),
  pullRequests: z.array(pullRequest),
});

export type ParseResult = { ok: true; dataset: Dataset } | { ok: false; problems: string[] };

/** Validates shape, then what the schema cannot say: ids are unique. */
export function parseDataset(input: unknown): ParseResult {
  const parsed = datasetSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 8).map((i) => `${formatPath(i.path)}: ${i.message}`) };
  }
  const dataset = parsed.data as Dataset;
  const seen = new Set<string>();
  const problems: string[] = [];
  const check = (id: string, where: string) => {
    if (seen.has(id)) problems.push(`${where}: duplicate id "${id}"`);
    seen.add(id);
  };
  dataset.pullRequests.forEach((pr, i) => {
    check(pr.id, `pullRequests[${i}].id`);
    pr.threads.forEach((t, j) => {
      check(t.id, `pullRequests[${i}].threads[${j}].id`);
      t.comments.forEach((c, k) => check(c.id, `pullRequests[${i}].threads[${j}].comments[${k}].id`));
    });
    pr.reviews.forEach((r, j) => check(r.id, `pullRequests[${i}].reviews[${j}].id`));
    pr.comments.forEach((c, j) => check(c.id, `pullRequests[${i}].comments[${j}].id`));
  });
  return problems.length ? { ok: false, problems: problems.slice(0, 8) } : { ok: true, dataset };
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

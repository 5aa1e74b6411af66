// zod schemas for the data the journal panel receives. They mirror
// src/core/model.ts; the `satisfies` checks below keep the two in step.
// Limits are generous for real data and exist so a hostile or broken
// message cannot make either side allocate without bound.
import { z } from 'zod';
import type { Category } from '../core/taxonomy';
import type { Entry, Feedback, Tag } from '../core/model';

export { LIMITS } from './limits';
import { LIMITS } from './limits';
import { isFeedback } from './feedbackCheck';

/**
 * String length limits, checked by one refinement per object rather than a
 * `.max()` per field: zod runs without eval under the webview's CSP, where
 * each check costs about a microsecond, and a snapshot holds 10,000+ items.
 */
function limited<T extends z.ZodObject>(schema: T, max: Partial<Record<keyof z.infer<T> & string, number>>): T {
  const entries = Object.entries(max) as [string, number][];
  return schema.superRefine((value, ctx) => {
    const v = value as Record<string, unknown>;
    for (const [key, limit] of entries) {
      const x = v[key];
      if (typeof x === 'string' && (x.length > limit || (x.length === 0 && REQUIRED.has(key)))) {
        ctx.addIssue({ code: 'custom', path: [key], message: x.length === 0 ? 'must not be empty' : `longer than ${limit} characters` });
      }
    }
  }) as unknown as T;
}

/** Fields that must be non-empty when present. */
const REQUIRED = new Set(['id', 'login', 'host', 'author', 'reviewer', 'category', 'by']);
const str = z.string();

export const engineerSchema = limited(z.object({ login: str, host: str }), { login: LIMITS.login, host: 253 });

export const tagSchema = limited(
  z.object({
    category: str,
    source: z.enum(['manual', 'marker', 'conventional-comment', 'suggested']),
    confidence: z.number().min(0).max(1).optional(),
    at: str,
    by: str,
    published: z.boolean().optional(),
  }),
  { category: 64, at: 64, by: LIMITS.login },
);

export const feedbackSchema = limited(
  z.object({
    id: str,
    kind: z.enum(['review-comment', 'review-summary', 'conversation']),
    prUrl: str,
    prTitle: str.optional(),
    repo: str,
    prNumber: z.number(),
    path: str.optional(),
    line: z.number().optional(),
    originalLine: z.number().optional(),
    diffHunk: str.optional(),
    author: str,
    reviewer: str,
    reviewerIsBot: z.boolean().optional(),
    body: str,
    url: str,
    createdAt: str,
    updatedAt: str,
    threadId: str.optional(),
    isResolved: z.boolean(),
    isOutdated: z.boolean().optional(),
    tags: z.array(tagSchema).max(LIMITS.tags),
    rejectedSuggestions: z.array(str).max(LIMITS.tags).optional(),
    conventional: z.object({ label: str, decorations: z.array(str).max(20), blocking: z.boolean().optional() }).optional(),
    learnedAt: str.optional(),
  }),
  {
    id: LIMITS.id, prUrl: LIMITS.url, prTitle: LIMITS.shortText, repo: 300, path: 4_096, diffHunk: LIMITS.body,
    author: LIMITS.login, reviewer: LIMITS.login, body: LIMITS.body, url: LIMITS.url, createdAt: 64, updatedAt: 64,
    threadId: LIMITS.id, learnedAt: 64,
  },
);

export const entryKindSchema = z.enum(['note', 'goal', 'action']);
export const entryStatusSchema = z.enum(['open', 'done', 'dropped']);
export const dateOnlySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const entrySchema = limited(
  z.object({
    id: str,
    kind: entryKindSchema,
    text: str,
    status: entryStatusSchema,
    targetDate: dateOnlySchema.optional(),
    goalId: str.optional(),
    links: z.array(str).max(LIMITS.links),
    createdAt: str,
    updatedAt: str,
  }),
  { id: LIMITS.id, text: LIMITS.entryText, createdAt: 64, updatedAt: 64, goalId: LIMITS.id },
);

export const categorySchema = limited(
  z.object({
    id: str,
    label: str,
    group: z.enum(['technical', 'interpersonal']),
    description: str,
    icon: str,
  }),
  { id: 64, label: 200, description: LIMITS.shortText, icon: 100 },
);

/** A linked comment that was deleted on GitHub (core/deletedStubs.ts): what its entry shows. */
export const deletedStubSchema = limited(
  z.object({ id: str, reviewer: str, excerpt: z.string(), deletedOnGitHubAt: str }),
  { id: LIMITS.id, reviewer: LIMITS.login, excerpt: LIMITS.shortText, deletedOnGitHubAt: 64 },
);

/**
 * Same acceptance as `feedbackSchema` (tested), without zod's per-field cost.
 * Unknown keys pass through instead of being stripped; the panel ignores them.
 */
export const feedbackItemSchema = z.custom<Feedback>(isFeedback, 'invalid feedback item');

/**
 * The snapshot as it travels. Feedback items are checked one by one after the
 * message parses (`acceptSnapshot` in ./snapshot.ts), so one bad or oversized
 * item costs only itself: the panel shows a placeholder for it.
 */
export const snapshotMessageSchema = z.object({
  engineer: engineerSchema,
  feedback: z.array(z.unknown()).max(LIMITS.feedbackItems),
  /** Ids of items whose body the host cut to LIMITS.displayBody characters. */
  clipped: z.array(z.string().max(LIMITS.id)).max(LIMITS.feedbackItems).optional(),
  entries: z.array(entrySchema).max(LIMITS.entries),
  /** Linked comments deleted on GitHub (not in `feedback`: they count nowhere). */
  deleted: z.array(deletedStubSchema).max(LIMITS.feedbackItems).optional(),
  categories: z.array(categorySchema).max(LIMITS.categories),
  /** Host clock, ISO; periods are computed against it so both sides agree. */
  now: z.string().max(64),
  /** Host's IANA time zone: the journal's periods are whole days in it, as the export's are. */
  timeZone: z.string().max(64).optional(),
  /** vscode.env.language (a BCP 47 tag), for dates in the panel; the panel falls back to English for a tag it cannot use. */
  language: z.string().max(64).optional(),
  readOnly: z.boolean(),
  readOnlyReason: z.string().max(LIMITS.shortText).optional(),
});

export type SnapshotMessage = z.infer<typeof snapshotMessageSchema>;

/**
 * What changed since the last snapshot: items added or updated (checked one by
 * one like the snapshot's), ids removed, and the entries when they changed. A
 * tag change costs one item, not the journal (bench: journal.deltaBytes).
 */
export const deltaMessageSchema = z.object({
  engineer: engineerSchema,
  upsert: z.array(z.unknown()).max(LIMITS.feedbackItems),
  removed: z.array(z.string().max(LIMITS.id)).max(LIMITS.feedbackItems),
  clipped: z.array(z.string().max(LIMITS.id)).max(LIMITS.feedbackItems).optional(),
  entries: z.array(entrySchema).max(LIMITS.entries).optional(),
  /** Changed ids that are now linked "deleted on GitHub" stubs (they are in `removed` too). */
  deleted: z.array(deletedStubSchema).max(LIMITS.feedbackItems).optional(),
  now: z.string().max(64),
  readOnly: z.boolean(),
  readOnlyReason: z.string().max(LIMITS.shortText).optional(),
});

export type DeltaMessage = z.infer<typeof deltaMessageSchema>;
/** What the host sends and what the panel renders: every item a valid Feedback. */
export type JournalSnapshot = Omit<SnapshotMessage, 'feedback'> & { feedback: Feedback[] };

// Compile-time checks: a model change that the schema misses fails typecheck.
type Assignable<A, B> = A extends B ? true : false;
export const modelChecks: [
  Assignable<z.infer<typeof feedbackSchema>, Feedback>,
  Assignable<Feedback, z.infer<typeof feedbackSchema>>,
  Assignable<z.infer<typeof entrySchema>, Entry>,
  Assignable<Entry, z.infer<typeof entrySchema>>,
  Assignable<z.infer<typeof tagSchema>, Tag>,
  Assignable<z.infer<typeof categorySchema>, Category>,
] = [true, true, true, true, true, true];

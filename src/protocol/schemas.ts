// zod schemas for the data the journal panel receives. They mirror
// src/core/model.ts; the `satisfies` checks below keep the two in step.
// Limits are generous for real data and exist so a hostile or broken
// message cannot make either side allocate without bound.
import { z } from 'zod';
import type { Category } from '../core/taxonomy';
import type { Entry, Feedback, Tag } from '../core/model';

export const LIMITS = {
  id: 256,
  login: 100,
  shortText: 1_000,
  url: 2_048,
  /** GitHub caps comments at 65,536 chars; imported or demo data may be longer. */
  body: 2_000_000,
  entryText: 20_000,
  feedbackItems: 200_000,
  entries: 50_000,
  links: 10_000,
  tags: 100,
  categories: 500,
} as const;

const id = z.string().min(1).max(LIMITS.id);
const login = z.string().min(1).max(LIMITS.login);
const shortText = z.string().max(LIMITS.shortText);
const isoTime = z.string().max(64);
const url = z.string().max(LIMITS.url);

export const engineerSchema = z.object({ login, host: z.string().min(1).max(253) });

export const tagSchema = z.object({
  category: z.string().min(1).max(64),
  source: z.enum(['manual', 'marker', 'conventional-comment', 'suggested']),
  confidence: z.number().min(0).max(1).optional(),
  at: isoTime,
  by: login,
  published: z.boolean().optional(),
});

export const feedbackSchema = z.object({
  id,
  kind: z.enum(['review-comment', 'review-summary', 'conversation']),
  prUrl: url,
  prTitle: shortText.optional(),
  repo: z.string().max(300),
  prNumber: z.number().int().nonnegative(),
  path: z.string().max(4_096).optional(),
  line: z.number().int().optional(),
  originalLine: z.number().int().optional(),
  diffHunk: z.string().max(LIMITS.body).optional(),
  author: login,
  reviewer: login,
  reviewerIsBot: z.boolean().optional(),
  body: z.string().max(LIMITS.body),
  url,
  createdAt: isoTime,
  updatedAt: isoTime,
  threadId: id.optional(),
  isResolved: z.boolean(),
  isOutdated: z.boolean().optional(),
  tags: z.array(tagSchema).max(LIMITS.tags),
  rejectedSuggestions: z.array(z.string().max(64)).max(LIMITS.tags).optional(),
  conventional: z
    .object({ label: z.string().max(64), decorations: z.array(z.string().max(64)).max(20), blocking: z.boolean().optional() })
    .optional(),
  learnedAt: isoTime.optional(),
});

export const entryKindSchema = z.enum(['note', 'goal', 'action']);
export const entryStatusSchema = z.enum(['open', 'done', 'dropped']);
export const dateOnlySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const entrySchema = z.object({
  id,
  kind: entryKindSchema,
  text: z.string().max(LIMITS.entryText),
  status: entryStatusSchema,
  targetDate: dateOnlySchema.optional(),
  links: z.array(id).max(LIMITS.links),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export const categorySchema = z.object({
  id: z.string().min(1).max(64),
  label: z.string().max(200),
  group: z.enum(['technical', 'interpersonal']),
  description: z.string().max(LIMITS.shortText),
  icon: z.string().max(100),
});

export const snapshotSchema = z.object({
  engineer: engineerSchema,
  feedback: z.array(feedbackSchema).max(LIMITS.feedbackItems),
  entries: z.array(entrySchema).max(LIMITS.entries),
  categories: z.array(categorySchema).max(LIMITS.categories),
  /** Host clock, ISO; periods are computed against it so both sides agree. */
  now: isoTime,
  readOnly: z.boolean(),
  readOnlyReason: shortText.optional(),
});

export type JournalSnapshot = z.infer<typeof snapshotSchema>;

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

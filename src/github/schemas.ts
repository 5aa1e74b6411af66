// zod shapes of what our queries ask for. Responses are checked here, at the
// edge, so a missing field or a wrong type becomes a MalformedResponseError
// that names the field, never a TypeError deep inside the mapper.
import { z } from 'zod';
import { MalformedResponseError } from './errors';

const actor = z.object({ login: z.string(), __typename: z.string() }).nullable();
const pageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });
const conn = <T extends z.ZodTypeAny>(node: T) => z.object({ totalCount: z.number().optional(), pageInfo, nodes: z.array(node) });
const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

const commentBase = { id: z.string(), body: z.string(), createdAt: iso, updatedAt: iso, url: z.string(), author: actor };

export const reviewCommentSchema = z.object({ ...commentBase, diffHunk: z.string(), path: z.string(), line: z.number().nullable(), originalLine: z.number().nullable() });
export const threadSchema = z.object({
  id: z.string(),
  path: z.string(),
  line: z.number().nullable(),
  originalLine: z.number().nullable(),
  isResolved: z.boolean(),
  isOutdated: z.boolean(),
  comments: conn(reviewCommentSchema),
});
export const reviewSchema = z.object({ ...commentBase, state: z.string() });
export const issueCommentSchema = z.object(commentBase);
export const pullRequestSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  updatedAt: iso,
  /** OPEN, CLOSED or MERGED; optional so recorded responses without it still parse. */
  state: z.string().optional(),
  repository: z.object({ nameWithOwner: z.string() }),
  author: actor,
  reviewThreads: conn(threadSchema),
  reviews: conn(reviewSchema),
  comments: conn(issueCommentSchema),
});

export type ReviewCommentNode = z.infer<typeof reviewCommentSchema>;
export type ThreadNode = z.infer<typeof threadSchema>;
export type ReviewNode = z.infer<typeof reviewSchema>;
export type IssueCommentNode = z.infer<typeof issueCommentSchema>;
export type PullRequestNode = z.infer<typeof pullRequestSchema>;

const rateLimit = z.object({ cost: z.number(), remaining: z.number(), resetAt: iso }).nullable().optional();

// Search results are a union: anything that is not a PR comes back as {}.
// Nodes are checked one by one (sync.ts) so errors name the PR's own fields.
const searchSchema = z.object({ issueCount: z.number(), pageInfo, nodes: z.array(z.record(z.string(), z.unknown()).nullable()) });
export type SearchNode = z.infer<typeof searchSchema>;

export const feedbackDataSchema = z.object({
  rateLimit,
  received: searchSchema.optional(),
  reviewed: searchSchema.optional(),
  commented: searchSchema.optional(),
});

/** nodes(ids:) of ReviewMentorPullRequests: null for a node that is gone or hidden. */
export const pullRequestsDataSchema = z.object({ rateLimit, nodes: z.array(z.record(z.string(), z.unknown()).nullable()) });

export const overflowSchemas = {
  reviewThreads: z.object({ reviewThreads: conn(threadSchema) }),
  reviews: z.object({ reviews: conn(reviewSchema) }),
  comments: z.object({ comments: conn(issueCommentSchema) }),
  threadComments: z.object({ comments: conn(reviewCommentSchema) }),
};

export const viewerSchema = z.object({ viewer: z.object({ login: z.string().min(1) }) });

/** A comment's live body, read before publishing (ReviewMentorCommentBody). */
export const commentBodySchema = z.object({ node: z.object({ body: z.string(), updatedAt: iso }).nullable() });

export const mutationSchemas = {
  updatePullRequestReviewComment: z.object({ updatePullRequestReviewComment: z.object({ pullRequestReviewComment: z.object({ id: z.string(), body: z.string(), updatedAt: iso.optional() }).nullable() }).nullable() }),
  updateIssueComment: z.object({ updateIssueComment: z.object({ issueComment: z.object({ id: z.string(), body: z.string(), updatedAt: iso.optional() }).nullable() }).nullable() }),
  updatePullRequestReview: z.object({ updatePullRequestReview: z.object({ pullRequestReview: z.object({ id: z.string(), body: z.string(), updatedAt: iso.optional() }).nullable() }).nullable() }),
};

/** Parses or throws MalformedResponseError listing the offending paths. */
export function parseResponse<T extends z.ZodTypeAny>(operation: string, schema: T, data: unknown, at: (string | number)[] = []): z.infer<T> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  throw new MalformedResponseError(
    operation,
    r.error.issues.map((i) => {
      const path = [...at, ...i.path];
      return `${path.length ? path.join('.') : '(root)'}: ${i.message}`;
    }),
  );
}

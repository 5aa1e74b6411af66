// Publishing a tag marker = editing the comment body on GitHub. GitHub lets
// only a comment's author edit it; FORBIDDEN and NOT_FOUND come back as
// ForbiddenError and NotFoundError (see httpErrors.ts).
import type { FeedbackKind } from '../core/model';
import type { GitHubClient } from './client';
import { MalformedResponseError } from './errors';
import { mapGraphQLErrors } from './httpErrors';
import { UPDATE_ISSUE_COMMENT, UPDATE_REVIEW, UPDATE_REVIEW_COMMENT } from './queries';
import { mutationSchemas, parseResponse } from './schemas';

const BY_KIND = {
  'review-comment': { op: 'ReviewMentorUpdateReviewComment', doc: UPDATE_REVIEW_COMMENT, field: 'updatePullRequestReviewComment', node: 'pullRequestReviewComment' },
  conversation: { op: 'ReviewMentorUpdateIssueComment', doc: UPDATE_ISSUE_COMMENT, field: 'updateIssueComment', node: 'issueComment' },
  'review-summary': { op: 'ReviewMentorUpdateReview', doc: UPDATE_REVIEW, field: 'updatePullRequestReview', node: 'pullRequestReview' },
} as const;

/** Replaces the body of a comment the signed-in user wrote; returns the body GitHub stored. */
export async function updateCommentBody(client: GitHubClient, input: { id: string; kind: FeedbackKind; body: string }, signal?: AbortSignal): Promise<string> {
  return (await updateComment(client, input, signal)).body;
}

/** As updateCommentBody, also returning GitHub's new updatedAt when it sent one. */
export async function updateComment(client: GitHubClient, input: { id: string; kind: FeedbackKind; body: string }, signal?: AbortSignal): Promise<{ body: string; updatedAt?: string }> {
  const m = BY_KIND[input.kind];
  const { data, errors } = await client.graphql<Record<string, unknown>>(m.op, m.doc, { id: input.id, body: input.body }, signal);
  if (errors.length > 0) throw mapGraphQLErrors(m.op, errors);
  const parsed = parseResponse(m.op, mutationSchemas[m.field], data) as Record<string, Record<string, { body: string; updatedAt?: string } | null> | null>;
  const node = parsed[m.field]?.[m.node];
  if (!node) throw new MalformedResponseError(m.op, [`${m.field}.${m.node}: missing`]);
  return { body: node.body, ...(node.updatedAt ? { updatedAt: node.updatedAt } : {}) };
}

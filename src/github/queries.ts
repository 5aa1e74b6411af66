// Every GraphQL document the extension sends, as named operations. Tests
// validate ALL_DOCUMENTS against GitHub's published schema.
//
// Page sizes trade request count against GraphQL cost. GitHub charges a
// query by the number of nested page requests it implies (product of the
// enclosing `first`s, /100), so the inner connections are kept smaller than
// the outer ones; anything that overflows is fetched later by node id.

/** PRs per search page: 100 PRs fit in 2 requests. */
export const PR_PAGE = 50;
/** Review threads, reviews and conversation comments per PR in the search page. */
export const THREAD_PAGE = 30;
export const REVIEW_PAGE = 30;
export const COMMENT_PAGE = 30;
/** Comments per review thread in the search page. */
export const THREAD_COMMENT_PAGE = 30;
/** Page size of follow-up (overflow) queries, and how many go in one request. */
export const OVERFLOW_PAGE = 100;
export const OVERFLOW_BATCH = 10;

const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';

export const FRAGMENTS = `
fragment RMActor on Actor { login __typename }
fragment RMReviewComment on PullRequestReviewComment {
  id body createdAt updatedAt url diffHunk path line originalLine
  author { ...RMActor }
}
fragment RMThread on PullRequestReviewThread {
  id path line originalLine isResolved isOutdated
  comments(first: ${THREAD_COMMENT_PAGE}) { totalCount ${PAGE_INFO} nodes { ...RMReviewComment } }
}
fragment RMReview on PullRequestReview {
  id body createdAt updatedAt url state
  author { ...RMActor }
}
fragment RMIssueComment on IssueComment {
  id body createdAt updatedAt url
  author { ...RMActor }
}
fragment RMPullRequest on PullRequest {
  id number title url updatedAt state
  repository { nameWithOwner }
  author { ...RMActor }
  reviewThreads(first: ${THREAD_PAGE}) { totalCount ${PAGE_INFO} nodes { ...RMThread } }
  reviews(first: ${REVIEW_PAGE}) { totalCount ${PAGE_INFO} nodes { ...RMReview } }
  comments(first: ${COMMENT_PAGE}) { totalCount ${PAGE_INFO} nodes { ...RMIssueComment } }
}`;

function searchField(alias: string): string {
  const cap = alias[0]!.toUpperCase() + alias.slice(1);
  return `
  ${alias}: search(query: $${alias}Query, type: ISSUE, first: $first, after: $${alias}After) @include(if: $with${cap}) {
    issueCount ${PAGE_INFO}
    nodes { ... on PullRequest { ...RMPullRequest } }
  }`;
}

/** The searches sync runs; each is a stream with its own cursor. */
export const SEARCHES = ['received', 'reviewed', 'commented'] as const;
export type SearchName = (typeof SEARCHES)[number];

/**
 * One request, three searches: feedback received (the engineer's PRs) and
 * given (reviews, inline and conversation comments on others' PRs; GitHub has
 * no OR between qualifiers, so "reviewed-by" and "commenter" are two aliases).
 * A search whose pages are done is switched off with @include.
 */
export const FEEDBACK_QUERY = `query ReviewMentorFeedback($first: Int!,
  $receivedQuery: String!, $receivedAfter: String, $withReceived: Boolean!,
  $reviewedQuery: String!, $reviewedAfter: String, $withReviewed: Boolean!,
  $commentedQuery: String!, $commentedAfter: String, $withCommented: Boolean!) {
  rateLimit { cost remaining resetAt }
  ${SEARCHES.map(searchField).join('\n')}
}
${FRAGMENTS}`;

/** Search strings. `since` is an ISO timestamp; absent means everything. */
export function searchQueries(login: string, since?: string): Record<SearchName, string> {
  const updated = since ? ` updated:>=${since.replace(/\.\d{3}Z$/, 'Z')}` : '';
  const tail = `${updated} sort:updated-asc`;
  return {
    received: `is:pr author:${login}${tail}`,
    reviewed: `is:pr reviewed-by:${login} -author:${login}${tail}`,
    // Disjoint from `reviewed`, so no PR is sent (and paid for) twice.
    commented: `is:pr commenter:${login} -reviewed-by:${login} -author:${login}${tail}`,
  };
}

export const VIEWER_QUERY = `query ReviewMentorViewer { viewer { login } }`;

/** PRs fetched by id (retry set, reconcile pass): same selection as a search page. */
export const PULL_REQUESTS_QUERY = `query ReviewMentorPullRequests($ids: [ID!]!) {
  rateLimit { cost remaining resetAt }
  nodes(ids: $ids) { ... on PullRequest { ...RMPullRequest } }
}
${FRAGMENTS}`;

/** What a follow-up fetches: the next page of one connection of one node. */
export type OverflowKind = 'reviewThreads' | 'reviews' | 'comments' | 'threadComments';
export interface OverflowRequest {
  kind: OverflowKind;
  /** Node id of the PR (or of the thread, for threadComments). */
  id: string;
  after: string;
}

const OVERFLOW_SELECTION: Record<OverflowKind, string> = {
  reviewThreads: `... on PullRequest { reviewThreads(first: ${OVERFLOW_PAGE}, after: $aN) { ${PAGE_INFO} nodes { ...RMThread } } }`,
  reviews: `... on PullRequest { reviews(first: ${OVERFLOW_PAGE}, after: $aN) { ${PAGE_INFO} nodes { ...RMReview } } }`,
  comments: `... on PullRequest { comments(first: ${OVERFLOW_PAGE}, after: $aN) { ${PAGE_INFO} nodes { ...RMIssueComment } } }`,
  threadComments: `... on PullRequestReviewThread { comments(first: ${OVERFLOW_PAGE}, after: $aN) { ${PAGE_INFO} nodes { ...RMReviewComment } } }`,
};

/**
 * A batch of overflow pages in one request: alias oN per item, with its own
 * node id and cursor variables. Built from fixed parts, so the documents it
 * can produce are covered by validating one of each kind (see ALL_DOCUMENTS).
 */
export function overflowQuery(items: OverflowRequest[]): { query: string; variables: Record<string, string> } {
  const vars: string[] = [];
  const fields: string[] = [];
  const variables: Record<string, string> = {};
  items.forEach((it, n) => {
    vars.push(`$i${n}: ID!`, `$a${n}: String`);
    fields.push(`  o${n}: node(id: $i${n}) { __typename ${OVERFLOW_SELECTION[it.kind].replace('$aN', `$a${n}`)} }`);
    variables[`i${n}`] = it.id;
    variables[`a${n}`] = it.after;
  });
  const used = new Set(items.map((i) => i.kind));
  const frags = FRAGMENTS_FOR(used);
  return { query: `query ReviewMentorOverflow(${vars.join(', ')}) {\n  rateLimit { cost remaining resetAt }\n${fields.join('\n')}\n}\n${frags}`, variables };
}

// graphql-js rejects unused fragments, so a follow-up carries only the ones it spreads.
function FRAGMENTS_FOR(kinds: Set<OverflowKind>): string {
  const all = FRAGMENTS.split(/\n(?=fragment )/).map((s) => s.trim()).filter(Boolean);
  const need = new Set(['RMActor']);
  if (kinds.has('reviewThreads')) need.add('RMThread').add('RMReviewComment');
  if (kinds.has('threadComments')) need.add('RMReviewComment');
  if (kinds.has('reviews')) need.add('RMReview');
  if (kinds.has('comments')) need.add('RMIssueComment');
  return all.filter((f) => need.has(/^fragment (\w+)/.exec(f)![1]!)).join('\n');
}

export const UPDATE_REVIEW_COMMENT = `mutation ReviewMentorUpdateReviewComment($id: ID!, $body: String!) {
  updatePullRequestReviewComment(input: { pullRequestReviewCommentId: $id, body: $body }) { pullRequestReviewComment { id body updatedAt } }
}`;
export const UPDATE_ISSUE_COMMENT = `mutation ReviewMentorUpdateIssueComment($id: ID!, $body: String!) {
  updateIssueComment(input: { id: $id, body: $body }) { issueComment { id body updatedAt } }
}`;
export const UPDATE_REVIEW = `mutation ReviewMentorUpdateReview($id: ID!, $body: String!) {
  updatePullRequestReview(input: { pullRequestReviewId: $id, body: $body }) { pullRequestReview { id body updatedAt } }
}`;

/** A comment's body as GitHub holds it now, read before a marker is published. */
export const COMMENT_BODY_QUERY = `query ReviewMentorCommentBody($id: ID!) {
  node(id: $id) {
    ... on PullRequestReviewComment { body updatedAt }
    ... on IssueComment { body updatedAt }
    ... on PullRequestReview { body updatedAt }
  }
}`;

/** Everything sent, including one overflow batch of each kind and all kinds together. */
export const ALL_DOCUMENTS: Record<string, string> = {
  ReviewMentorFeedback: FEEDBACK_QUERY,
  ReviewMentorViewer: VIEWER_QUERY,
  ReviewMentorPullRequests: PULL_REQUESTS_QUERY,
  ...Object.fromEntries(
    (['reviewThreads', 'reviews', 'comments', 'threadComments'] as const).map((k) => [`ReviewMentorOverflow(${k})`, overflowQuery([{ kind: k, id: 'X', after: 'Y' }]).query]),
  ),
  'ReviewMentorOverflow(all)': overflowQuery((['reviewThreads', 'reviews', 'comments', 'threadComments'] as const).map((k) => ({ kind: k, id: 'X', after: 'Y' }))).query,
  ReviewMentorCommentBody: COMMENT_BODY_QUERY,
  ReviewMentorUpdateReviewComment: UPDATE_REVIEW_COMMENT,
  ReviewMentorUpdateIssueComment: UPDATE_ISSUE_COMMENT,
  ReviewMentorUpdateReview: UPDATE_REVIEW,
};

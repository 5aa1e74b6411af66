// The shape of the data the sandbox GitHub serves (and `--data FILE` loads).
// GitHub-shaped, not journal-shaped: sync has to map it to Feedback, so tests
// can check that mapping against what the sandbox holds.
// Times are ISO 8601 strings in UTC. Ids are opaque GitHub-style node ids.

export interface DatasetUser {
  login: string;
  name?: string;
  /** Bots are GitHub Apps (login ends with "[bot]" on github.com). */
  type: 'User' | 'Bot';
}

export interface DatasetRepo {
  owner: string;
  name: string;
  /** Logins that may read the repository; absent = everyone. */
  collaborators?: string[];
}

export interface DatasetComment {
  /** GraphQL node id, e.g. "PRRC_kw..." for review comments. */
  id: string;
  /** REST id. */
  databaseId: number;
  author: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  /**
   * The category the generator wrote this text for: ground truth for
   * classifier checks and benchmarks. Optional; never served by the sandbox.
   */
  category?: string;
}

export interface DatasetThread {
  id: string;
  path: string;
  line: number | null;
  originalLine: number | null;
  diffHunk: string;
  isResolved: boolean;
  isOutdated: boolean;
  comments: DatasetComment[];
}

export interface DatasetReview {
  id: string;
  databaseId: number;
  author: string;
  /** May be empty: only reviews with a body count as feedback. */
  body: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';
  submittedAt: string;
  updatedAt: string;
  /** As DatasetComment.category. */
  category?: string;
}

export interface DatasetPullRequest {
  id: string;
  number: number;
  /** "owner/name" */
  repo: string;
  title: string;
  author: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  createdAt: string;
  updatedAt: string;
  reviews: DatasetReview[];
  threads: DatasetThread[];
  /** PR conversation (issue) comments. */
  comments: DatasetComment[];
}

export interface Dataset {
  /** Bumped when the format changes incompatibly. */
  formatVersion: 1;
  users: DatasetUser[];
  repos: DatasetRepo[];
  pullRequests: DatasetPullRequest[];
}

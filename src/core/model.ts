// The data model shared by every layer. Plain data, no behaviour, no I/O:
// these shapes are what a journal file holds and what the webview receives.

export type CategoryGroup = 'technical' | 'interpersonal';

/** Where a tag came from, in order of trust (manual is most trusted). */
export type TagSource = 'manual' | 'marker' | 'conventional-comment' | 'suggested';

export interface Tag {
  /** Stable category id, e.g. "testing". Unknown ids are kept as they are. */
  category: string;
  source: TagSource;
  /** 0..1, set for suggested tags. */
  confidence?: number;
  /** ISO timestamp of when the tag was set. */
  at: string;
  /** GitHub login of who set it ("review-mentor" for automatic sources). */
  by: string;
  /** True once the tag has been published to GitHub as a hidden marker. */
  published?: boolean;
}

/** What a Conventional Comments label said, kept so blocking can be shown. */
export interface ConventionalLabel {
  label: string;
  decorations: string[];
  /** true for `blocking`, false for `non-blocking`, absent when neither. */
  blocking?: boolean;
}

/** review-comment: inline on a diff line; review-summary: the body of a review; conversation: a PR comment. */
export type FeedbackKind = 'review-comment' | 'review-summary' | 'conversation';

/** One review comment with its context. Keyed by the GitHub node id. */
export interface Feedback {
  id: string;
  kind: FeedbackKind;
  prUrl: string;
  prTitle?: string;
  /** "owner/name" */
  repo: string;
  prNumber: number;
  path?: string;
  line?: number;
  originalLine?: number;
  diffHunk?: string;
  /** Login of the pull request's author (who received the feedback). */
  author: string;
  /** Login of the comment's author (who gave the feedback). */
  reviewer: string;
  reviewerIsBot?: boolean;
  body: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  threadId?: string;
  isResolved: boolean;
  isOutdated?: boolean;
  tags: Tag[];
  /** Categories a person rejected as suggestions for this item. */
  rejectedSuggestions?: string[];
  conventional?: ConventionalLabel;
  /** Set when the engineer marks the item as learned. */
  learnedAt?: string;
  /**
   * When sync found the item gone from GitHub. Only items a goal or note
   * links to are kept (as a "deleted on GitHub" stub); they count nowhere.
   */
  deletedOnGitHubAt?: string;
}

/** The fields GitHub owns: a sync replaces them; when none changed, the stored item needs no write. */
export const GITHUB_FIELDS = ['kind', 'prUrl', 'prTitle', 'repo', 'prNumber', 'path', 'line', 'originalLine', 'diffHunk', 'author', 'reviewer', 'reviewerIsBot', 'body', 'url', 'createdAt', 'updatedAt', 'threadId', 'isResolved', 'isOutdated'] as const;

/** A PR that sync must fetch by id (see SyncState). */
export interface TrackedPullRequest {
  url: string;
  repo: string;
  updatedAt?: string;
  /** Open PRs stay in the reconcile set whatever their age. */
  open?: boolean;
  /** Why it is in the retry set, in plain words. */
  reason?: string;
}

/** What sync keeps between runs, besides `syncedUntil`. See docs/github-sync.md. */
export interface SyncState {
  /** PRs that could not be fetched whole; fetched by id on every sync until they are. Keyed by PR node id. */
  retry?: Record<string, TrackedPullRequest>;
  /** Open PRs and PRs active in the last `reconcileDays`, re-fetched by the reconcile pass. */
  recent?: Record<string, TrackedPullRequest>;
  /** GitHub's time of the last reconcile pass. */
  reconciledAt?: string;
  /** Why the next sync must fetch everything (part of the journal was set aside, or the user asked). */
  fullResync?: string;
}

export type EntryKind = 'note' | 'goal' | 'action';
export type EntryStatus = 'open' | 'done' | 'dropped';

export interface Entry {
  id: string;
  kind: EntryKind;
  text: string;
  status: EntryStatus;
  /** Goals only: ISO date (yyyy-mm-dd). */
  targetDate?: string;
  /** Action items only: the goal it serves. An id no goal has any more means none. */
  goalId?: string;
  /** Feedback ids this entry refers to. */
  links: string[];
  createdAt: string;
  updatedAt: string;
}

export interface EngineerRef {
  login: string;
  /** Host name of the GitHub server, e.g. "github.com" or "ghe.example.com". */
  host: string;
}

export interface Journal {
  schemaVersion: number;
  engineer: EngineerRef;
  /** ISO timestamp: PRs updated before this have been synced. */
  syncedUntil: string | null;
  sync?: SyncState;
  feedback: Record<string, Feedback>;
  entries: Entry[];
}

/** Items that are on GitHub (not "deleted on GitHub" stubs): what views and summaries count. */
export function liveFeedback(journal: Pick<Journal, 'feedback'>): Feedback[] {
  return Object.values(journal.feedback).filter((f) => !f.deletedOnGitHubAt);
}

export const CURRENT_SCHEMA_VERSION = 2;

/** Tags that count: suggestions are only shown, never counted. */
export function effectiveTags(feedback: Feedback): Tag[] {
  return feedback.tags.filter((t) => t.source !== 'suggested');
}

export function suggestedTag(feedback: Feedback): Tag | undefined {
  return feedback.tags.find((t) => t.source === 'suggested');
}

/** Received feedback is on the engineer's own PRs, written by someone else. */
export function isReceivedBy(feedback: Feedback, login: string): boolean {
  return sameLogin(feedback.author, login) && !sameLogin(feedback.reviewer, login);
}

export function isGivenBy(feedback: Feedback, login: string): boolean {
  return sameLogin(feedback.reviewer, login) && !sameLogin(feedback.author, login);
}

export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

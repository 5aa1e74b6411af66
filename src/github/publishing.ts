// Publishing tags as a marker edits a comment on GitHub, so it must never undo
// an edit its author made there: the live body and its updatedAt are read
// first; if the comment changed since the last sync, nothing is written and
// the caller is told to sync first. Otherwise the marker is applied to the
// LIVE body (never the journal's copy).
import * as l10n from '@vscode/l10n';
import type { Feedback } from '../core/model';
import { stripMarkers, writeMarker, type MarkerTag } from '../core/markers';
import type { GitHubClient } from './client';
import { GitHubError, NotFoundError } from './errors';
import { updateComment } from './mutations';
import { COMMENT_BODY_QUERY } from './queries';
import { commentBodySchema, parseResponse } from './schemas';

/** The comment was edited on GitHub after the journal's copy was synced. */
export class CommentChangedError extends GitHubError {
  constructor(readonly url: string) {
    super(l10n.t('The comment was edited on GitHub since the last sync, so the tag was not published (publishing would undo that edit). Sync, check the comment, then publish again: {0}', url));
  }
}

export async function readLiveComment(client: GitHubClient, id: string, signal?: AbortSignal): Promise<{ body: string; updatedAt: string }> {
  const { data } = await client.graphql('ReviewMentorCommentBody', COMMENT_BODY_QUERY, { id }, signal);
  const node = parseResponse('ReviewMentorCommentBody', commentBodySchema, data).node;
  if (!node) throw new NotFoundError(l10n.t('The comment is gone from GitHub.'));
  return node;
}

/** Publishes `markers` on the comment; returns GitHub's new body and updatedAt for the journal. */
export async function publishMarker(client: GitHubClient, item: Pick<Feedback, 'id' | 'kind' | 'body' | 'updatedAt' | 'url'>, markers: readonly MarkerTag[], signal?: AbortSignal): Promise<{ body: string; updatedAt: string }> {
  const live = await readLiveComment(client, item.id, signal);
  // Our own earlier marker is not an edit; anything else, or a newer updatedAt, is.
  if (live.updatedAt !== item.updatedAt || stripMarkers(live.body) !== stripMarkers(item.body)) throw new CommentChangedError(item.url);
  const body = writeMarker(live.body, markers);
  const saved = await updateComment(client, { id: item.id, kind: item.kind, body }, signal);
  return { body: saved.body, updatedAt: saved.updatedAt ?? live.updatedAt };
}

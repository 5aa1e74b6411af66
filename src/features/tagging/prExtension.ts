// Reads what the GitHub Pull Requests extension passes to a command on one of
// its comments (`comments/comment/title` menus): a GHPRComment whose
// `rawComment` holds the GitHub data. Pure, so it is tested without that
// extension (which cannot be installed in this project's test VS Code).
import type { CategoryGroup } from '../../core/model';
import { sameLogin } from '../../core/model';
import { writeMarker } from '../../core/markers';

export interface PrExtensionComment {
  /** GraphQL node id: what the edit mutation and our journal use. */
  id: string;
  body: string;
  author: string;
  /** Still part of a pending review: the marker goes out when the review is submitted. */
  isDraft: boolean;
  url?: string;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

export function prExtensionComment(arg: unknown): PrExtensionComment | undefined {
  if (!isObject(arg) || !isObject(arg.rawComment)) return undefined;
  const raw = arg.rawComment;
  const user = isObject(raw.user) ? raw.user : undefined;
  if (typeof raw.graphNodeId !== 'string' || raw.graphNodeId === '' || typeof raw.body !== 'string' || typeof user?.login !== 'string') return undefined;
  return {
    id: raw.graphNodeId,
    body: raw.body,
    author: user.login,
    isDraft: raw.isDraft === true,
    ...(typeof raw.htmlUrl === 'string' ? { url: raw.htmlUrl } : {}),
  };
}

export type TagAndPublishPlan =
  | { kind: 'publish'; body: string }
  | { kind: 'not-yours'; author: string }
  | { kind: 'unchanged' };

/** What tagging a comment at the moment of writing does: the body with the marker, if the comment is the signed-in user's. */
export function planTagAndPublish(c: PrExtensionComment, me: string, markers: readonly { group: CategoryGroup; category: string }[]): TagAndPublishPlan {
  if (!sameLogin(c.author, me)) return { kind: 'not-yours', author: c.author };
  const body = writeMarker(c.body, markers);
  return body === c.body ? { kind: 'unchanged' } : { kind: 'publish', body };
}

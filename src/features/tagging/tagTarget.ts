// What a tagging command acts on: one engineer's items, resolved from whatever
// a menu passed. Shared by the commands and publishing (kept apart from both so
// neither imports the other).
import type { EngineerRef, Feedback } from '../../core/model';
import { sameLogin } from '../../core/model';

export interface TagTarget {
  engineer: EngineerRef;
  items: Feedback[];
}

/** Turns whatever a menu passes (tree nodes, a comment, ids) into items. */
export type TargetResolver = (arg?: unknown, selected?: unknown) => Promise<TagTarget | undefined>;

/** A comment the signed-in user wrote: only those can carry a published marker. */
export function isOwnComment(f: Feedback, login: string | undefined): boolean {
  return !!login && sameLogin(f.reviewer, login);
}

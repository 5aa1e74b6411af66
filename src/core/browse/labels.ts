// One-line text for a feedback item in the tree and quick picks. Each field
// (the comment's first line, reviewer, repository, flags) is made safe on its
// own and isolated when it holds right-to-left text, so a bidi override in a
// body or a login cannot reorder or spoof the "reviewer · PR · age" line.
import type { Feedback } from '../model';
import { labelField } from '../safeText';
import { personText, shortLabel } from './itemText';
import { relativeAge } from './text';

/** The comment's first words, short enough to leave room for the description. */
export function feedbackLabel(f: Feedback): string {
  return labelField(shortLabel(f.body));
}

/**
 * "bob · acme/api#12 · 3 days ago · blocking", every part safe; with the
 * engineer's `login`, feedback they gave reads "to erin · …".
 */
export function feedbackDescription(f: Feedback, now: Date, flags: readonly string[] = [], login?: string): string {
  return [login ? personText(f, login) : f.reviewer, `${f.repo}#${f.prNumber}`, relativeAge(f.createdAt, now), ...flags].map(labelField).join(' · ');
}

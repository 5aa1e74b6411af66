// One-line text for a feedback item in the tree and quick picks. Each field
// (the comment's first line, reviewer, repository, flags) is made safe on its
// own and isolated when it holds right-to-left text, so a bidi override in a
// body or a login cannot reorder or spoof the "reviewer · PR · age" line.
import type { Feedback } from '../model';
import { labelField } from '../safeText';
import { firstLine, relativeAge } from './text';

export function feedbackLabel(f: Feedback): string {
  return labelField(firstLine(f.body)) || '(empty comment)';
}

/** "bob · acme/api#12 · 3 days ago · blocking", every part safe. */
export function feedbackDescription(f: Feedback, now: Date, flags: readonly string[] = []): string {
  return [f.reviewer, `${f.repo}#${f.prNumber}`, relativeAge(f.createdAt, now), ...flags].map(labelField).join(' · ');
}

// What a screen reader says for each row of the Feedback and Engineers views.
// The visible label is cut to one line and the description holds the rest in
// a terse "a · b · c" form; these labels say it all in a sentence, with the
// tags a sighted user reads from the icon, in the words of core/vocabulary
// (confirmed, likely, not sure). Every field from GitHub or the settings goes
// through labelField (control characters shown, bidi isolated).
// No `vscode` import: unit tested.
import type { EngineerRef, Feedback } from '../../core/model';
import { effectiveTags, isGivenBy } from '../../core/model';
import { firstLine } from '../../core/browse/text';
import { labelField } from '../../core/safeText';
import { TAG_STATE_WORDS, comments, likelyTag, stateComments, type TagStateCounts } from '../../core/vocabulary';

/** `login`: the engineer whose feedback this is; feedback they gave is said to be given. */
export function feedbackAccessibleLabel(f: Feedback, labelOf: (category: string) => string, login?: string): string {
  const label = (id: string) => labelField(labelOf(id));
  const who = login && isGivenBy(f, login) ? `Given by you to ${labelField(f.author)}` : `From ${labelField(f.reviewer)}`;
  const parts = [`${labelField(firstLine(f.body)) || 'Empty comment'}.`, `${who} on ${labelField(f.repo)} pull request ${f.prNumber}, ${f.createdAt.slice(0, 10)}.`];
  const tags = effectiveTags(f).map((t) => label(t.category));
  const likely = likelyTag(f);
  if (tags.length) parts.push(`Tagged ${tags.join(', ')}.`);
  else if (likely) parts.push(`${TAG_STATE_WORDS.likely.label}: ${label(likely.category)}, ${Math.round((likely.confidence ?? 0) * 100)}% confident, not confirmed.`);
  else parts.push(`Untagged, ${TAG_STATE_WORDS['not-sure'].word}.`);
  const flags = [f.conventional?.blocking && 'blocking', f.isResolved && 'resolved', f.learnedAt && 'marked as learned'].filter(Boolean);
  if (flags.length) parts.push(`${flags.join(', ')}.`.replace(/^./, (c) => c.toUpperCase()));
  return parts.join(' ');
}

/**
 * A group row: a category counts its confirmed comments and, apart, the likely
 * ones; "Not sure" and the other groupings count comments, by state.
 */
export function groupAccessibleLabel(label: string, s: TagStateCounts, kind: 'category' | 'not-sure' | 'other'): string {
  const name = labelField(label);
  if (kind === 'category') return `${name}: ${stateComments(s.confirmed, 'confirmed')}${s.likely ? `, and ${stateComments(s.likely, 'likely')}, not counted until accepted` : ''}`;
  if (kind === 'not-sure') return `${name}: ${comments(s.total)} with no tag and no suggestion`;
  const parts = [s.confirmed && stateComments(s.confirmed, 'confirmed'), s.likely && stateComments(s.likely, 'likely'), s.notSure && stateComments(s.notSure, 'not-sure')].filter(Boolean);
  return `${name}: ${comments(s.total)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

export function engineerAccessibleLabel(engineer: EngineerRef, role: 'me' | 'tracked' | 'demo', shown: boolean): string {
  const who = role === 'me' ? 'you' : role === 'demo' ? 'demo data' : 'tracked engineer';
  return `${labelField(engineer.login)} on ${labelField(engineer.host)}, ${who}${shown ? ', feedback shown' : ''}`;
}

// What a screen reader says for each row of the Feedback and Engineers views.
// The visible label is cut to one line and the description holds the rest in
// a terse "a · b · c" form; these labels say it all in a sentence, with the
// tags a sighted user reads from the icon. Every field from GitHub or the
// settings goes through labelField (control characters shown, bidi isolated).
// No `vscode` import: unit tested.
import type { EngineerRef, Feedback } from '../../core/model';
import { effectiveTags, suggestedTag } from '../../core/model';
import { firstLine } from '../../core/browse/text';
import { labelField } from '../../core/safeText';

export function feedbackAccessibleLabel(f: Feedback, labelOf: (category: string) => string): string {
  const label = (id: string) => labelField(labelOf(id));
  const parts = [`${labelField(firstLine(f.body)) || 'Empty comment'}.`, `From ${labelField(f.reviewer)} on ${labelField(f.repo)} pull request ${f.prNumber}, ${f.createdAt.slice(0, 10)}.`];
  const tags = effectiveTags(f).map((t) => label(t.category));
  if (tags.length) parts.push(`Tagged ${tags.join(', ')}.`);
  const suggestion = suggestedTag(f);
  if (suggestion) parts.push(`Suggested tag ${label(suggestion.category)}, ${Math.round((suggestion.confidence ?? 0) * 100)}% confident, not yet accepted.`);
  const flags = [f.conventional?.blocking && 'blocking', f.isResolved && 'resolved', f.learnedAt && 'marked as learned'].filter(Boolean);
  if (flags.length) parts.push(`${flags.join(', ')}.`.replace(/^./, (c) => c.toUpperCase()));
  return parts.join(' ');
}

export function groupAccessibleLabel(label: string, count: number, suggested: number): string {
  const tagged = count - suggested;
  const comments = (n: number) => `${n} comment${n === 1 ? '' : 's'}`;
  const name = labelField(label);
  return suggested > 0 ? `${name}: ${comments(tagged)}, and ${suggested} more suggested` : `${name}: ${comments(count)}`;
}

export function engineerAccessibleLabel(engineer: EngineerRef, role: 'me' | 'tracked' | 'demo', shown: boolean): string {
  const who = role === 'me' ? 'you' : role === 'demo' ? 'demo data' : 'tracked engineer';
  return `${labelField(engineer.login)} on ${labelField(engineer.host)}, ${who}${shown ? ', feedback shown' : ''}`;
}

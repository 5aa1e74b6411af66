// What a screen reader says for each row of the Feedback and Engineers views.
// The visible label is cut to one line and the description holds the rest in
// a terse "a · b · c" form; these labels say it all in a sentence, with the
// tags a sighted user reads from the icon, in the words of core/vocabulary
// (confirmed, likely, not sure). Every field from GitHub or the settings goes
// through labelField (control characters shown, bidi isolated).
// No `vscode` import (unit tested): the sentences go through @vscode/l10n,
// which activation hands VS Code's bundle.
import type { EngineerRef, Feedback } from '../../core/model';
import { effectiveTags, isGivenBy } from '../../core/model';
import { firstLine } from '../../core/browse/text';
import { labelField } from '../../core/safeText';
import { TAG_STATE_WORDS, comments, likelyTag, stateComments, type TagStateCounts } from '../../core/vocabulary';
import * as l10n from '@vscode/l10n';

/** `login`: the engineer whose feedback this is; feedback they gave is said to be given. */
export function feedbackAccessibleLabel(f: Feedback, labelOf: (category: string) => string, login?: string): string {
  const label = (id: string) => labelField(labelOf(id));
  const given = login && isGivenBy(f, login);
  const where = [labelField(f.repo), f.prNumber, f.createdAt.slice(0, 10)] as const;
  const parts = [
    l10n.t('{0}.', labelField(firstLine(f.body)) || l10n.t('Empty comment')),
    given ? l10n.t('Given by you to {0} on {1} pull request {2}, {3}.', labelField(f.author), ...where) : l10n.t('From {0} on {1} pull request {2}, {3}.', labelField(f.reviewer), ...where),
  ];
  const tags = effectiveTags(f).map((t) => label(t.category));
  const likely = likelyTag(f);
  if (tags.length) parts.push(l10n.t('Tagged {0}.', tags.join(', ')));
  else if (likely) parts.push(l10n.t('{0}: {1}, {2}% confident, not confirmed.', TAG_STATE_WORDS.likely.label, label(likely.category), Math.round((likely.confidence ?? 0) * 100)));
  else parts.push(l10n.t('Untagged, {0}.', TAG_STATE_WORDS['not-sure'].word));
  const flags = [f.conventional?.blocking && l10n.t('blocking'), f.isResolved && l10n.t('resolved'), f.learnedAt && l10n.t('marked as learned')].filter(Boolean);
  if (flags.length) parts.push(l10n.t('{0}.', flags.join(', ')).replace(/^./, (c) => c.toUpperCase()));
  return parts.join(' ');
}

/**
 * A group row: a category counts its confirmed comments and, apart, the likely
 * ones; "Not sure" and the other groupings count comments, by state.
 */
export function groupAccessibleLabel(label: string, s: TagStateCounts, kind: 'category' | 'not-sure' | 'other'): string {
  const name = labelField(label);
  if (kind === 'category') {
    return s.likely
      ? l10n.t('{0}: {1}, and {2}, not counted until accepted', name, stateComments(s.confirmed, 'confirmed'), stateComments(s.likely, 'likely'))
      : l10n.t('{0}: {1}', name, stateComments(s.confirmed, 'confirmed'));
  }
  if (kind === 'not-sure') return l10n.t('{0}: {1} with no tag and no suggestion', name, comments(s.total));
  const parts = [s.confirmed && stateComments(s.confirmed, 'confirmed'), s.likely && stateComments(s.likely, 'likely'), s.notSure && stateComments(s.notSure, 'not-sure')].filter(Boolean);
  return parts.length ? l10n.t('{0}: {1} ({2})', name, comments(s.total), parts.join(', ')) : l10n.t('{0}: {1}', name, comments(s.total));
}

export function engineerAccessibleLabel(engineer: EngineerRef, role: 'me' | 'tracked' | 'demo', shown: boolean): string {
  const who = role === 'me' ? l10n.t('you') : role === 'demo' ? l10n.t('demo data') : l10n.t('tracked engineer');
  return shown ? l10n.t('{0} on {1}, {2}, feedback shown', labelField(engineer.login), labelField(engineer.host), who) : l10n.t('{0} on {1}, {2}', labelField(engineer.login), labelField(engineer.host), who);
}

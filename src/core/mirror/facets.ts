// What one comment a reviewer gave was, on each axis "My reviews" shows:
// category group, kind (praise, issue, remark), blocking, asking or telling,
// and what became of its thread. Confirmed facts (labels, counted tags) and
// "likely" ones (the classifier's suggestion) are kept apart.
import { suggestedTag, type CategoryGroup, type Feedback } from '../model';
import { countedCategories, isBlockingIssue } from '../feedbackFacts';
import { isDirectiveForm, isQuestionForm } from './form';

export type GroupMix = 'technical' | 'interpersonal' | 'both' | 'untagged';
/** praise; issue: asks for a change; remark: a question, thought or note; unknown: no label and no counted tag. */
export type Tone = 'praise' | 'issue' | 'remark' | 'unknown';
export type Form = 'question' | 'directive' | 'neither';
export type ThreadState = 'resolved' | 'open' | 'outdated';

/** Conventional Comments labels, by what they ask of the author. */
export const ACTIONABLE_LABELS: ReadonlySet<string> = new Set(['issue', 'todo', 'chore', 'suggestion', 'nitpick', 'typo', 'polish', 'quibble']);
export const REMARK_LABELS: ReadonlySet<string> = new Set(['question', 'thought', 'note']);

export interface Facets {
  /** Counted categories (manual, marker, Conventional Comments). */
  categories: string[];
  /** The suggestion, only when nothing is counted. */
  likelyCategory?: string;
  group: GroupMix;
  /** For untagged items: the suggestion's group. */
  likelyGroup?: CategoryGroup;
  tone: Tone;
  /** For tone "unknown": what the suggestion implies. */
  likelyTone?: 'praise' | 'issue';
  labelled: boolean;
  blocking: boolean;
  form: Form;
  /** Inline review comments only: the others cannot be resolved on GitHub. */
  thread?: ThreadState;
}

export type GroupOf = (categoryId: string) => CategoryGroup | undefined;

export function facetsOf(f: Feedback, groupOf: GroupOf): Facets {
  const categories = countedCategories(f);
  const suggestion = categories.length === 0 ? suggestedTag(f)?.category : undefined;
  const groups = new Set(categories.map(groupOf).filter((g): g is CategoryGroup => g !== undefined));
  const group: GroupMix = groups.size === 2 ? 'both' : groups.has('technical') ? 'technical' : groups.has('interpersonal') ? 'interpersonal' : 'untagged';
  const label = f.conventional?.label;
  const tone = toneOf(label, categories, groupOf);
  const out: Facets = { categories, group, tone, labelled: label !== undefined, blocking: isBlockingIssue(f), form: formOf(f, tone, suggestion) };
  if (suggestion !== undefined) {
    out.likelyCategory = suggestion;
    const g = groupOf(suggestion);
    if (group === 'untagged' && g) out.likelyGroup = g;
    if (tone === 'unknown') {
      if (suggestion === 'praise') out.likelyTone = 'praise';
      else if (g === 'technical') out.likelyTone = 'issue';
    }
  }
  if (f.kind === 'review-comment') out.thread = f.isResolved ? 'resolved' : f.isOutdated ? 'outdated' : 'open';
  return out;
}

function toneOf(label: string | undefined, categories: string[], groupOf: GroupOf): Tone {
  if (label === 'praise') return 'praise';
  if (label !== undefined && ACTIONABLE_LABELS.has(label)) return 'issue';
  if (label !== undefined && REMARK_LABELS.has(label)) return 'remark';
  if (categories.includes('praise')) return 'praise';
  if (categories.some((c) => groupOf(c) === 'technical')) return 'issue';
  return categories.length > 0 ? 'remark' : 'unknown';
}

/** Praise, thoughts and notes neither ask nor tell; a `question:` label asks whatever the punctuation. */
function formOf(f: Feedback, tone: Tone, suggestion: string | undefined): Form {
  const label = f.conventional?.label;
  if (label === 'question') return 'question';
  if (tone === 'praise' || (tone === 'unknown' && suggestion === 'praise')) return 'neither';
  if (isQuestionForm(f.body)) return 'question';
  if (label !== undefined && ACTIONABLE_LABELS.has(label)) return 'directive';
  if (label === 'thought' || label === 'note') return 'neither';
  return isDirectiveForm(f.body) ? 'directive' : 'neither';
}

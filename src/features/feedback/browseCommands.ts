// Quick picks for the Feedback view: group by, filter, search, engineer.
import * as vscode from 'vscode';
import type { CategoryGroup, EngineerRef, Feedback } from '../../core/model';
import type { Taxonomy } from '../../core/taxonomy';
import { groupLabel } from '../../core/taxonomy';
import type { GroupBy } from '../../core/browse/group';
import { EMPTY_FILTER, type FeedbackFilter } from '../../core/browse/filter';
import { searchFeedback } from '../../core/browse/text';
import { feedbackDescription, feedbackLabel } from '../../core/browse/labels';
import { itemFlags } from '../../core/browse/itemText';
import { labelField } from '../../core/safeText';
import { TAG_STATE_WORDS, UNTAGGED_WORDS } from '../../core/vocabulary';
import type { BrowseState, Direction } from './browseState';

/** Built when asked: VS Code's translations are read at call time. */
const groupings = (): { by: GroupBy; label: string; icon: string }[] => [
  { by: 'category', label: vscode.l10n.t('Category'), icon: 'tag' },
  { by: 'pr', label: vscode.l10n.t('Pull request'), icon: 'git-pull-request' },
  { by: 'reviewer', label: vscode.l10n.t('Reviewer'), icon: 'person' },
  { by: 'repo', label: vscode.l10n.t('Repository'), icon: 'repo' },
  { by: 'month', label: vscode.l10n.t('Month'), icon: 'calendar' },
];

export async function pickGroupBy(state: BrowseState): Promise<void> {
  const current = state.groupBy;
  // Feedback given was all written by the engineer: the person who matters is the author.
  const label = (g: ReturnType<typeof groupings>[number]) => (g.by === 'reviewer' && state.direction === 'given' ? vscode.l10n.t('Pull request author') : g.label);
  const pick = await vscode.window.showQuickPick(
    groupings().map((g) => ({ label: `$(${g.icon}) ${label(g)}`, description: g.by === current ? vscode.l10n.t('current') : undefined, by: g.by })),
    { title: vscode.l10n.t('Group feedback by'), placeHolder: vscode.l10n.t('Choose how the Feedback view groups comments') },
  );
  if (pick) await state.setGroupBy(pick.by);
}

type FilterAspect = 'category' | 'reviewer' | 'repo' | 'dates' | 'resolved' | 'tagState' | 'clear';

/**
 * A two-step filter picker: which aspect, then its values. `items` are the
 * ones the view shows (received or given); received or given itself is the
 * switch in the view's title.
 */
export async function pickFilter(state: BrowseState, items: Feedback[], taxonomy: Taxonomy): Promise<void> {
  const f = state.filter;
  const given = state.direction === 'given';
  const aspects: (vscode.QuickPickItem & { aspect: FilterAspect })[] = [
    { label: `$(tag) ${vscode.l10n.t('Category or group')}`, description: f.categories.map((c) => taxonomy.labelOf(c)).join(', ') || (f.group ? groupLabel(f.group) : ''), aspect: 'category' },
    { label: `$(person) ${given ? vscode.l10n.t('Pull request author') : vscode.l10n.t('Reviewer')}`, description: f.reviewers.join(', '), aspect: 'reviewer' },
    { label: `$(repo) ${vscode.l10n.t('Repository')}`, description: f.repos.join(', '), aspect: 'repo' },
    { label: `$(calendar) ${vscode.l10n.t('Date range')}`, description: [f.from, f.to].filter(Boolean).join(' – '), aspect: 'dates' },
    { label: `$(pass) ${vscode.l10n.t('Resolved or not')}`, description: f.resolved, aspect: 'resolved' },
    { label: `$(lightbulb) ${vscode.l10n.t('Confirmed, likely or not sure')}`, description: f.tagState === 'any' ? '' : TAG_STATE_LABELS[f.tagState], aspect: 'tagState' },
    { label: `$(clear-all) ${vscode.l10n.t('Clear filter')}`, aspect: 'clear' },
  ];
  const aspect = await vscode.window.showQuickPick(aspects, { title: vscode.l10n.t('Filter feedback'), placeHolder: vscode.l10n.t('What do you want to filter by?') });
  if (!aspect) return;
  const patch = await pickAspect(aspect.aspect, f, items, taxonomy, state.direction);
  if (patch) await state.patchFilter(patch);
}

// Getters: the words are read in the display language when shown, not at import.
const TAG_STATE_LABELS: Record<Exclude<FeedbackFilter['tagState'], 'any'>, string> = {
  get tagged() { return TAG_STATE_WORDS.confirmed.label; },
  get untagged() { return UNTAGGED_WORDS.label; },
  get suggested() { return TAG_STATE_WORDS.likely.label; },
  get 'not-sure'() { return TAG_STATE_WORDS['not-sure'].label; },
};

async function pickAspect(aspect: FilterAspect, f: FeedbackFilter, items: Feedback[], taxonomy: Taxonomy, direction: Direction): Promise<Partial<FeedbackFilter> | undefined> {
  switch (aspect) {
    case 'clear':
      return { ...EMPTY_FILTER };
    case 'category': {
      const groupItems = (['technical', 'interpersonal'] as CategoryGroup[]).map((g) => ({
        label: vscode.l10n.t('All {0}', groupLabel(g).toLowerCase()),
        picked: f.group === g,
        group: g as CategoryGroup | undefined,
        id: undefined as string | undefined,
      }));
      const categoryItems = taxonomy.categories.map((c) => ({
        label: `$(${c.icon}) ${c.label}`,
        description: groupLabel(c.group),
        picked: f.categories.includes(c.id),
        group: undefined as CategoryGroup | undefined,
        id: c.id as string | undefined,
      }));
      const picks = await vscode.window.showQuickPick([...groupItems, ...categoryItems], { title: vscode.l10n.t('Filter by category'), canPickMany: true });
      if (!picks) return undefined;
      return { group: picks.find((p) => p.group)?.group, categories: picks.flatMap((p) => (p.id ? [p.id] : [])) };
    }
    case 'reviewer':
      return direction === 'given'
        ? pickValues(vscode.l10n.t('Filter by pull request author'), count(items.map((i) => i.author)), f.reviewers).then((v) => v && { reviewers: v })
        : pickValues(vscode.l10n.t('Filter by reviewer'), count(items.map((i) => i.reviewer)), f.reviewers).then((v) => v && { reviewers: v });
    case 'repo':
      return pickValues(vscode.l10n.t('Filter by repository'), count(items.map((i) => i.repo)), f.repos).then((v) => v && { repos: v });
    case 'dates': {
      const from = await askDate(vscode.l10n.t('From (yyyy-mm-dd, empty for no start)'), f.from);
      if (from === undefined) return undefined;
      const to = await askDate(vscode.l10n.t('To (yyyy-mm-dd, inclusive, empty for no end)'), f.to);
      if (to === undefined) return undefined;
      return { from: from || undefined, to: to || undefined };
    }
    case 'resolved': {
      const pick = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Any'), value: 'any' as const },
          { label: vscode.l10n.t('Resolved'), value: 'resolved' as const },
          { label: vscode.l10n.t('Unresolved'), value: 'unresolved' as const },
        ],
        { title: vscode.l10n.t('Resolved or not') },
      );
      return pick && { resolved: pick.value };
    }
    case 'tagState': {
      const pick = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Any'), value: 'any' as const },
          { label: TAG_STATE_LABELS.tagged, detail: vscode.l10n.t('Tagged by a person, a published marker or a Conventional Comments label (counted)'), value: 'tagged' as const },
          { label: TAG_STATE_LABELS.untagged, detail: UNTAGGED_WORDS.meaning, value: 'untagged' as const },
          { label: TAG_STATE_LABELS.suggested, detail: TAG_STATE_WORDS.likely.meaning, value: 'suggested' as const },
          { label: TAG_STATE_LABELS['not-sure'], detail: TAG_STATE_WORDS['not-sure'].meaning, value: 'not-sure' as const },
        ],
        { title: vscode.l10n.t('Tag state') },
      );
      return pick && { tagState: pick.value };
    }
    default: {
      const never: never = aspect;
      throw new Error(`Unknown filter aspect ${String(never)}`);
    }
  }
}

function count(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

async function pickValues(title: string, counts: Map<string, number>, current: string[]): Promise<string[] | undefined> {
  // Shown safely (reviewer and repository names come from GitHub); the raw value is what filters.
  const items = [...counts].sort((a, b) => b[1] - a[1]).map(([value, n]) => ({ label: labelField(value), value, description: `${n}`, picked: current.includes(value) }));
  const picks = await vscode.window.showQuickPick(items, { title, canPickMany: true, matchOnDescription: false });
  return picks?.map((p) => p.value);
}

async function askDate(prompt: string, value: string | undefined): Promise<string | undefined> {
  return vscode.window.showInputBox({
    prompt,
    value: value ?? '',
    placeHolder: vscode.l10n.t('yyyy-mm-dd'),
    validateInput: (v) => (v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !isNaN(Date.parse(v))) ? undefined : vscode.l10n.t('Use the form 2026-01-31.')),
  });
}

/**
 * Live search over the engineer's comments, received and given; picking one
 * opens it. Rows read like the tree's: short label, then who · where · when.
 */
export async function searchQuickPick(items: Feedback[], login: string, taxonomy: Taxonomy, initial: string, open: (f: Feedback) => Promise<void>): Promise<void> {
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { item: Feedback }>();
  qp.title = vscode.l10n.t('Search feedback');
  qp.placeholder = vscode.l10n.t('Type words to find in comments, files, reviewers, repositories');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.value = initial;
  const now = new Date();
  const render = (q: string) => {
    // Our own ranking does the matching; turn off VS Code's so it doesn't filter twice.
    qp.items = searchFeedback(items, q)
      .slice(0, 200)
      .map((item) => ({
        label: feedbackLabel(item),
        description: feedbackDescription(item, now, itemFlags(item, taxonomy), login),
        detail: item.path === undefined ? undefined : labelField(item.path),
        alwaysShow: true,
        item,
      }));
  };
  qp.onDidChangeValue(render);
  render(initial);
  const picked = await new Promise<Feedback | undefined>((resolve) => {
    qp.onDidAccept(() => resolve(qp.selectedItems[0]?.item));
    qp.onDidHide(() => resolve(undefined));
    qp.show();
  });
  qp.dispose();
  if (picked) await open(picked);
}

export async function pickEngineer(all: EngineerRef[], selected: EngineerRef | undefined, me: EngineerRef | undefined): Promise<EngineerRef | undefined> {
  if (all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Sign in or open the demo data first.'));
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    all.map((e) => ({
      label: `$(person) ${e.login}`,
      description: [me && e.login === me.login && e.host === me.host ? vscode.l10n.t('you') : undefined, e.host, selected && e.login === selected.login && e.host === selected.host ? vscode.l10n.t('shown') : undefined]
        .filter(Boolean)
        .join(' · '),
      engineer: e,
    })),
    { title: vscode.l10n.t('Show feedback of'), placeHolder: vscode.l10n.t('Choose an engineer') },
  );
  return pick?.engineer;
}

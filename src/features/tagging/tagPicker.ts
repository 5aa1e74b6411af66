// The "Tag..." quick pick: categories under Technical and Interpersonal,
// several allowed, current tags checked and the suggestion pre-selected.
import * as vscode from 'vscode';
import type { CategoryGroup, Feedback } from '../../core/model';
import { effectiveTags, suggestedTag } from '../../core/model';
import { groupLabel, type Taxonomy } from '../../core/taxonomy';

type CategoryItem = vscode.QuickPickItem & { id?: string };

export async function pickCategories(items: Feedback[], taxonomy: Taxonomy, title: string): Promise<string[] | undefined> {
  const current = new Set(items.flatMap((f) => effectiveTags(f).map((t) => t.category)));
  const suggestion = items.length === 1 ? suggestedTag(items[0]!) : undefined;
  const picks: CategoryItem[] = [];
  for (const group of ['technical', 'interpersonal'] as CategoryGroup[]) {
    picks.push({ label: groupLabel(group), kind: vscode.QuickPickItemKind.Separator });
    for (const c of taxonomy.inGroup(group)) {
      const suggested = suggestion?.category === c.id;
      picks.push({
        label: `$(${c.icon}) ${c.label}`,
        description: suggested ? `$(lightbulb) ${vscode.l10n.t('suggested ({0}%)', Math.round((suggestion?.confidence ?? 0) * 100))}` : c.description,
        picked: current.has(c.id) || (current.size === 0 && suggested),
        id: c.id,
      });
    }
  }
  // Ids from other versions or other users' settings stay visible and keep their tags.
  const unknown = [...current].filter((id) => !taxonomy.isKnown(id));
  if (unknown.length > 0) {
    picks.push({ label: vscode.l10n.t('Unknown categories'), kind: vscode.QuickPickItemKind.Separator });
    unknown.forEach((id) => picks.push({ label: `$(question) ${id}`, description: vscode.l10n.t('not in your categories'), picked: true, id }));
  }
  const chosen = await vscode.window.showQuickPick(picks, {
    title,
    canPickMany: true,
    placeHolder: vscode.l10n.t('Choose one or more categories (Space to toggle, Enter to apply)'),
    matchOnDescription: true,
  });
  return chosen?.flatMap((c) => (c.id ? [c.id] : []));
}

export async function pickOneCategory(taxonomy: Taxonomy, title: string, exclude?: string): Promise<string | undefined> {
  const picks: CategoryItem[] = [];
  for (const group of ['technical', 'interpersonal'] as CategoryGroup[]) {
    picks.push({ label: groupLabel(group), kind: vscode.QuickPickItemKind.Separator });
    for (const c of taxonomy.inGroup(group)) {
      if (c.id !== exclude) picks.push({ label: `$(${c.icon}) ${c.label}`, description: c.description, id: c.id });
    }
  }
  const chosen = await vscode.window.showQuickPick(picks, { title, placeHolder: vscode.l10n.t('Which category is right?') });
  return chosen?.id;
}

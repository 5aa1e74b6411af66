// Categories feedback is tagged with. Ids are stable: a label can be renamed
// through settings, but the id written into journals and markers never changes.
import * as l10n from '@vscode/l10n';
import type { CategoryGroup } from './model';

export interface Category {
  id: string;
  label: string;
  group: CategoryGroup;
  description: string;
  /** Codicon name shown in the tree and panel. */
  icon: string;
}

/**
 * The built-in categories, their labels and descriptions in the display
 * language (English without an l10n bundle: the CLI, tests). A function, not a
 * constant, so the words are looked up after the extension has shared
 * VS Code's bundle; ids, groups and icons never change.
 */
export function defaultCategories(): Category[] {
  return [
    { id: 'correctness', label: l10n.t('Correctness'), group: 'technical', description: l10n.t('Bugs, edge cases, wrong results'), icon: 'bug' },
    { id: 'design', label: l10n.t('Design'), group: 'technical', description: l10n.t('Structure, abstractions, architecture'), icon: 'symbol-structure' },
    { id: 'testing', label: l10n.t('Testing'), group: 'technical', description: l10n.t('Tests, coverage, test quality'), icon: 'beaker' },
    { id: 'performance', label: l10n.t('Performance'), group: 'technical', description: l10n.t('Speed, memory, efficiency'), icon: 'dashboard' },
    { id: 'security', label: l10n.t('Security'), group: 'technical', description: l10n.t('Vulnerabilities, secrets, trust boundaries'), icon: 'shield' },
    { id: 'readability', label: l10n.t('Readability'), group: 'technical', description: l10n.t('Naming, clarity, style'), icon: 'eye' },
    { id: 'documentation', label: l10n.t('Documentation'), group: 'technical', description: l10n.t('Comments, docs, changelogs'), icon: 'book' },
    { id: 'tooling', label: l10n.t('Tooling'), group: 'technical', description: l10n.t('Build, CI, dependencies, config'), icon: 'tools' },
    { id: 'communication', label: l10n.t('Communication'), group: 'interpersonal', description: l10n.t('PR descriptions, explaining decisions'), icon: 'comment-discussion' },
    { id: 'collaboration', label: l10n.t('Collaboration'), group: 'interpersonal', description: l10n.t('Working with others, responsiveness'), icon: 'organization' },
    { id: 'tone', label: l10n.t('Tone'), group: 'interpersonal', description: l10n.t('How feedback is phrased and received'), icon: 'mirror' },
    { id: 'mentoring', label: l10n.t('Mentoring'), group: 'interpersonal', description: l10n.t('Teaching and helping others grow'), icon: 'mortar-board' },
    { id: 'praise', label: l10n.t('Praise'), group: 'interpersonal', description: l10n.t('Recognition of good work'), icon: 'heart' },
    { id: 'ownership', label: l10n.t('Ownership'), group: 'interpersonal', description: l10n.t('Follow-through, taking responsibility'), icon: 'pass' },
  ];
}

/** The built-in categories as first loaded: for ids, groups and icons (labels in English). */
export const DEFAULT_CATEGORIES: readonly Category[] = defaultCategories();

/** "Technical" or "Interpersonal" in the display language. */
export function groupLabel(group: CategoryGroup): string {
  return group === 'technical' ? l10n.t('Technical') : l10n.t('Interpersonal');
}

/** A user-supplied category, as read from settings (untrusted). */
export interface CategoryInput {
  id?: unknown;
  label?: unknown;
  group?: unknown;
  description?: unknown;
  icon?: unknown;
}

export interface TaxonomyProblem {
  index: number;
  message: string;
}

const ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

export class Taxonomy {
  private readonly byId: ReadonlyMap<string, Category>;

  constructor(readonly categories: readonly Category[]) {
    this.byId = new Map(categories.map((c) => [c.id, c]));
  }

  /**
   * Builds the taxonomy from the defaults plus user settings. An entry whose id
   * matches a default renames it (the id stays); a new id adds a category.
   * Invalid entries are skipped and reported, never half-applied.
   */
  static fromSettings(extra: readonly CategoryInput[] = []): { taxonomy: Taxonomy; problems: TaxonomyProblem[] } {
    const categories = defaultCategories();
    const problems: TaxonomyProblem[] = [];
    extra.forEach((input, index) => {
      const problem = validateCategoryInput(input);
      if (problem) {
        problems.push({ index, message: problem });
        return;
      }
      const id = input.id as string;
      const existing = categories.find((c) => c.id === id);
      if (existing) {
        if (typeof input.label === 'string') existing.label = input.label;
        if (typeof input.description === 'string') existing.description = input.description;
        if (typeof input.icon === 'string') existing.icon = input.icon;
        if (input.group !== undefined && input.group !== existing.group) {
          problems.push({ index, message: l10n.t('"{0}" is a default category; its group cannot change.', id) });
        }
        return;
      }
      categories.push({
        id,
        label: input.label as string,
        group: input.group as CategoryGroup,
        description: typeof input.description === 'string' ? input.description : '',
        icon: typeof input.icon === 'string' ? input.icon : 'tag',
      });
    });
    return { taxonomy: new Taxonomy(categories), problems };
  }

  get(id: string): Category | undefined {
    return this.byId.get(id);
  }

  isKnown(id: string): boolean {
    return this.byId.has(id);
  }

  /** Label for display; unknown ids (from newer versions or other users) are shown as they are. */
  labelOf(id: string): string {
    return this.byId.get(id)?.label ?? l10n.t('{0} (unknown)', id);
  }

  groupOf(id: string): CategoryGroup | undefined {
    return this.byId.get(id)?.group;
  }

  inGroup(group: CategoryGroup): Category[] {
    return this.categories.filter((c) => c.group === group);
  }
}

function validateCategoryInput(input: CategoryInput): string | undefined {
  if (typeof input !== 'object' || input === null) return l10n.t('Each extra category must be an object.');
  if (typeof input.id !== 'string' || !ID_PATTERN.test(input.id)) {
    return l10n.t('The id must be lower-case letters, digits or dashes, starting with a letter (at most 40).');
  }
  const isDefault = DEFAULT_CATEGORIES.some((c) => c.id === input.id);
  if (!isDefault) {
    if (typeof input.label !== 'string' || input.label.trim() === '') return l10n.t('Category "{0}" needs a label.', input.id);
    if (input.group !== 'technical' && input.group !== 'interpersonal') {
      return l10n.t('Category "{0}" needs a group: "technical" or "interpersonal".', input.id);
    }
  }
  return undefined;
}

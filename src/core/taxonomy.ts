// Categories feedback is tagged with. Ids are stable: a label can be renamed
// through settings, but the id written into journals and markers never changes.
import type { CategoryGroup } from './model';

export interface Category {
  id: string;
  label: string;
  group: CategoryGroup;
  description: string;
  /** Codicon name shown in the tree and panel. */
  icon: string;
}

export const DEFAULT_CATEGORIES: readonly Category[] = [
  { id: 'correctness', label: 'Correctness', group: 'technical', description: 'Bugs, edge cases, wrong results', icon: 'bug' },
  { id: 'design', label: 'Design', group: 'technical', description: 'Structure, abstractions, architecture', icon: 'symbol-structure' },
  { id: 'testing', label: 'Testing', group: 'technical', description: 'Tests, coverage, test quality', icon: 'beaker' },
  { id: 'performance', label: 'Performance', group: 'technical', description: 'Speed, memory, efficiency', icon: 'dashboard' },
  { id: 'security', label: 'Security', group: 'technical', description: 'Vulnerabilities, secrets, trust boundaries', icon: 'shield' },
  { id: 'readability', label: 'Readability', group: 'technical', description: 'Naming, clarity, style', icon: 'eye' },
  { id: 'documentation', label: 'Documentation', group: 'technical', description: 'Comments, docs, changelogs', icon: 'book' },
  { id: 'tooling', label: 'Tooling', group: 'technical', description: 'Build, CI, dependencies, config', icon: 'tools' },
  { id: 'communication', label: 'Communication', group: 'interpersonal', description: 'PR descriptions, explaining decisions', icon: 'comment-discussion' },
  { id: 'collaboration', label: 'Collaboration', group: 'interpersonal', description: 'Working with others, responsiveness', icon: 'organization' },
  { id: 'tone', label: 'Tone', group: 'interpersonal', description: 'How feedback is phrased and received', icon: 'mirror' },
  { id: 'mentoring', label: 'Mentoring', group: 'interpersonal', description: 'Teaching and helping others grow', icon: 'mortar-board' },
  { id: 'praise', label: 'Praise', group: 'interpersonal', description: 'Recognition of good work', icon: 'heart' },
  { id: 'ownership', label: 'Ownership', group: 'interpersonal', description: 'Follow-through, taking responsibility', icon: 'pass' },
];

export const GROUP_LABELS: Record<CategoryGroup, string> = {
  technical: 'Technical',
  interpersonal: 'Interpersonal',
};

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
    const categories = DEFAULT_CATEGORIES.map((c) => ({ ...c }));
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
          problems.push({ index, message: `"${id}" is a default category; its group cannot change.` });
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
    return this.byId.get(id)?.label ?? `${id} (unknown)`;
  }

  groupOf(id: string): CategoryGroup | undefined {
    return this.byId.get(id)?.group;
  }

  inGroup(group: CategoryGroup): Category[] {
    return this.categories.filter((c) => c.group === group);
  }
}

function validateCategoryInput(input: CategoryInput): string | undefined {
  if (typeof input !== 'object' || input === null) return 'Each extra category must be an object.';
  if (typeof input.id !== 'string' || !ID_PATTERN.test(input.id)) {
    return 'The id must be lower-case letters, digits or dashes, starting with a letter (at most 40).';
  }
  const isDefault = DEFAULT_CATEGORIES.some((c) => c.id === input.id);
  if (!isDefault) {
    if (typeof input.label !== 'string' || input.label.trim() === '') return `Category "${input.id}" needs a label.`;
    if (input.group !== 'technical' && input.group !== 'interpersonal') {
      return `Category "${input.id}" needs a group: "technical" or "interpersonal".`;
    }
  }
  return undefined;
}

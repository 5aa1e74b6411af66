// Resolves what a tagging command was invoked on: Feedback view nodes (one or
// a selection), a past-feedback comment in the editor, a GitHub Pull Requests
// comment (by its GraphQL node id), or explicit ids from the journal panel.
import type { EngineerRef } from '../../core/model';
import type { App } from '../../app';
import type { TreeNode } from '../feedback/feedbackTree';
import type { TagTarget, TargetResolver } from './tagTarget';

export function createTargetResolver(app: App, treeSelection: () => readonly TreeNode[]): TargetResolver {
  return async (arg, selected) => {
    const nodes = clickedOrSelection(arg, selected, treeSelection);
    const treeNodes = nodes.filter((n): n is Extract<TreeNode, { kind: 'feedback' }> => isObject(n) && n.kind === 'feedback');
    if (treeNodes.length > 0) {
      return { engineer: treeNodes[0]!.engineer, items: treeNodes.map((n) => n.item) };
    }
    const ids = idsFrom(arg);
    if (ids.length === 0) return undefined;
    const engineer = (isObject(arg) && isEngineer(arg.engineer) ? arg.engineer : undefined) ?? app.engineers.selected();
    return engineer ? lookUp(app, engineer, ids) : undefined;
  };
}

/**
 * The items a command invoked on a tree item applies to. VS Code passes the
 * selection too; it counts only when the clicked item is part of it.
 */
export function clickedOrSelection(arg: unknown, selected: unknown, fallback: () => readonly unknown[]): readonly unknown[] {
  if (Array.isArray(selected) && selected.some((n) => n === arg || sameFeedback(n, arg))) return selected;
  return arg ? [arg] : fallback();
}

async function lookUp(app: App, engineer: EngineerRef, ids: string[]): Promise<TagTarget> {
  const journal = await app.journals.load(engineer);
  return { engineer, items: ids.map((id) => journal.feedback[id]).filter((f) => f !== undefined) };
}

function idsFrom(arg: unknown): string[] {
  if (!isObject(arg)) return [];
  if (Array.isArray(arg.ids)) return arg.ids.filter((x): x is string => typeof x === 'string');
  // Past-feedback comments carry "feedback <id>" as their context value.
  if (typeof arg.contextValue === 'string' && arg.contextValue.startsWith('feedback ')) return [arg.contextValue.slice(9)];
  // The GitHub Pull Requests extension's comments expose the GraphQL node id.
  const raw = arg.rawComment;
  if (isObject(raw) && typeof raw.graphNodeId === 'string') return [raw.graphNodeId];
  return [];
}

function sameFeedback(a: unknown, b: unknown): boolean {
  return isObject(a) && isObject(b) && isObject(a.item) && isObject(b.item) && a.item.id === b.item.id;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

function isEngineer(x: unknown): x is EngineerRef {
  return isObject(x) && typeof x.login === 'string' && typeof x.host === 'string';
}

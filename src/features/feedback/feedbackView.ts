// Wires the Feedback view, its commands and past feedback in the editor.
import * as vscode from 'vscode';
import { isGivenBy, isReceivedBy, suggestedTag, type Feedback } from '../../core/model';
import type { App } from '../../app';
import { Commands } from '../../platform/commandIds';
import { ContextKeys, setContext } from '../../platform/contextKeys';
import { errorText } from '../../platform/errors';
import { reportErrors } from '../../platform/reportErrors';
import { isStorageError, showStorageError } from '../../platform/storageErrors';
import { clickedOrSelection } from '../tagging/targets';
import { FeedbackTreeProvider, type TreeNode, type FeedbackNode } from './feedbackTree';
import { pickFilter, pickGroupBy, searchQuickPick } from './browseCommands';
import { EMPTY_FILTER } from '../../core/browse/filter';
import { FeedbackPreviewProvider, PREVIEW_SCHEME, copyAsMarkdown, openFeedback, openOnGitHub, toggleLearned } from './feedbackActions';
import { PastFeedbackController } from '../pastFeedback/pastFeedbackController';
import { readConfig, affectsConfig } from '../../platform/config';
import { DEMO_HOST } from '../engineers/engineerService';

export function registerFeedbackView(app: App): {
  tree: FeedbackTreeProvider;
  view: vscode.TreeView<TreeNode>;
  past: PastFeedbackController;
} {
  const { context, engineers, journals, browse, taxonomy, log } = app;
  /** The engineer's own feedback: received and given (not other people's comments to each other). */
  const items = async (direction?: 'received' | 'given') => {
    const e = engineers.selected();
    if (!e) return [];
    const mine = (f: Feedback) => (direction !== 'given' && isReceivedBy(f, e.login)) || (direction !== 'received' && isGivenBy(f, e.login));
    return (await app.feedbackOf(e)).filter(mine);
  };
  const tree = new FeedbackTreeProvider({
    engineer: () => engineers.selected(),
    items: (e) => app.feedbackOf(e),
    taxonomy: () => taxonomy.current,
    filter: () => browse.filter,
    groupBy: () => browse.groupBy,
    direction: () => browse.direction,
    waiting: () => {
      const s = engineers.selection();
      return s.kind === 'waiting' ? (s.reason === 'signing-in' ? 'Signing in…' : 'Loading…') : undefined;
    },
  });
  const view = vscode.window.createTreeView('reviewMentor.feedback', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  tree.attach(view);
  const previews = new FeedbackPreviewProvider();
  const past = new PastFeedbackController({
    items: async () => {
      const e = engineers.selected();
      // Demo journals have no real server; their repos match any workspace host.
      return { host: e?.host === DEMO_HOST ? DEMO_HOST : (e?.host ?? 'github.com'), items: e ? await app.feedbackOf(e) : [] };
    },
    taxonomy: () => taxonomy.current,
    enabled: () => readConfig().showPastFeedback,
  });

  // Keybindings for Tag and Accept apply only when the selection has something to act on.
  const selectionContext = () => {
    const chosen = view.selection.filter((n): n is FeedbackNode => n.kind === 'feedback');
    setContext(ContextKeys.feedbackSelected, chosen.length > 0);
    setContext(ContextKeys.suggestionSelected, chosen.some((n) => suggestedTag(n.item) !== undefined));
  };

  let pending: Promise<void> | undefined;
  const refresh = () => {
    // Coalesce bursts of change events (a sync writes many pages) into one refresh.
    pending ??= Promise.resolve().then(async () => {
      pending = undefined;
      try {
        await tree.refresh();
        selectionContext();
        await past.invalidate();
      } catch (err) {
        log.error(`Could not refresh the Feedback view: ${errorText(err)}`);
        if (isStorageError(err)) showStorageError(err, refresh);
      }
    });
  };

  /** The items a command applies to: the clicked one, or the tree's selection. */
  const targets = (node?: TreeNode, selected?: readonly TreeNode[]): FeedbackNode[] => {
    const list = clickedOrSelection(node, selected, () => view.selection) as TreeNode[];
    return list.filter((n): n is FeedbackNode => n.kind === 'feedback');
  };
  const hostOf = (n: FeedbackNode) => n.engineer.host;
  const guard = <A extends unknown[]>(fn: (...args: A) => Promise<unknown>) => reportErrors(log, fn);

  context.subscriptions.push(
    tree,
    view,
    past,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    view.onDidChangeSelection(selectionContext),
    journals.onDidChange(refresh),
    engineers.onDidChange(refresh),
    browse.onDidChange(refresh),
    taxonomy.onDidChange(refresh),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsConfig(e, 'editor.showPastFeedback')) refresh();
      if (affectsConfig(e, 'feedback.show')) void browse.resetDirection();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsConfig(e, 'render.remoteImages')) return;
      tree.redrawAll();
      void past.rebuildThreads();
    }),
    vscode.commands.registerCommand(Commands.showReceived, guard(() => browse.setDirection('received'))),
    vscode.commands.registerCommand(Commands.showGiven, guard(() => browse.setDirection('given'))),
    vscode.commands.registerCommand(Commands.groupBy, guard(() => pickGroupBy(browse))),
    vscode.commands.registerCommand(Commands.filter, guard(async () => pickFilter(browse, await items(browse.direction), taxonomy.current))),
    vscode.commands.registerCommand(Commands.clearFilter, guard(() => browse.setFilter({ ...EMPTY_FILTER }))),
    vscode.commands.registerCommand(
      Commands.search,
      guard(async (arg?: { text?: string }) => {
        const engineer = engineers.selected();
        if (!engineer) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Sign in or open the demo data to search feedback.'));
          return;
        }
        await searchQuickPick(await items(), engineer.login, taxonomy.current, typeof arg?.text === 'string' ? arg.text : '', (f: Feedback) => openFeedback(f, engineer.host, previews));
      }),
    ),
    vscode.commands.registerCommand(
      Commands.openFeedback,
      guard(async (node?: TreeNode) => {
        const [target] = targets(node);
        if (target) await openFeedback(target.item, hostOf(target), previews);
      }),
    ),
    vscode.commands.registerCommand(
      Commands.openOnGitHub,
      guard(async (node?: TreeNode) => {
        const [target] = targets(node);
        if (target) await openOnGitHub(target.item);
      }),
    ),
    vscode.commands.registerCommand(
      Commands.copyAsMarkdown,
      guard(async (node?: TreeNode, selected?: TreeNode[]) => copyAsMarkdown(targets(node, selected).map((t) => t.item), taxonomy.current)),
    ),
    vscode.commands.registerCommand(
      Commands.markLearned,
      guard(async (node?: TreeNode, selected?: TreeNode[]) => {
        const list = targets(node, selected);
        if (list.length === 0) return;
        await toggleLearned(journals, list[0]!.engineer, list.map((t) => t.item));
      }),
    ),
  );
  refresh();
  return { tree, view, past };
}

// The Feedback view: the selected engineer's feedback, filtered and grouped by
// the pure functions in core/browse. Children are built lazily, and after a
// change only the groups whose contents changed are refreshed.
import * as vscode from 'vscode';
import { ContextKeys, setContext } from '../../platform/contextKeys';
import type { Feedback, EngineerRef } from '../../core/model';
import { effectiveTags, isGivenBy, isReceivedBy } from '../../core/model';
import type { Taxonomy } from '../../core/taxonomy';
import { groupFeedback, UNTAGGED_KEY, type FeedbackGroup, type GroupBy } from '../../core/browse/group';
import { compileFilter, describeFilter, isEmptyFilter, type FeedbackFilter } from '../../core/browse/filter';
import { feedbackDescription, feedbackLabel } from '../../core/browse/labels';
import { itemFlags } from '../../core/browse/itemText';
import { TAG_STATE_WORDS, comments, likelyTag, stateComments, stateCounts } from '../../core/vocabulary';
import { Commands } from '../../platform/commandIds';
import { feedbackTooltip } from './feedbackMarkdown';
import { feedbackAccessibleLabel, groupAccessibleLabel } from './accessibleLabels';
import type { Direction } from './browseState';

export type GroupNode = { kind: 'group'; engineer: EngineerRef; group: FeedbackGroup; signature: string };
export type FeedbackNode = { kind: 'feedback'; engineer: EngineerRef; item: Feedback; parentKey: string };
export type TreeNode = GroupNode | FeedbackNode;

export interface FeedbackTreeSource {
  engineer(): EngineerRef | undefined;
  items(engineer: EngineerRef): Promise<Feedback[]>;
  taxonomy(): Taxonomy;
  filter(): FeedbackFilter;
  groupBy(): GroupBy;
  direction(): Direction;
  /** Why no engineer is shown yet ("Signing in…"), while the identity is not known. */
  waiting(): string | undefined;
}

export class FeedbackTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups = new Map<string, GroupNode>();
  private rootKeys: string[] = [];
  private view: vscode.TreeView<TreeNode> | undefined;
  /** Counts for the view badge and empty states. */
  total = 0;
  /** Items in the journal, received, given or neither. */
  private journalSize = 0;
  shown = 0;

  constructor(private readonly source: FeedbackTreeSource) {}

  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
  }

  /** Recomputes the groups and fires change events only for what changed. */
  async refresh(): Promise<void> {
    const next = await this.computeGroups();
    const nextKeys = next.map((g) => g.group.key);
    const sameShape = nextKeys.length === this.rootKeys.length && nextKeys.every((k, i) => k === this.rootKeys[i]);
    const changedGroups: GroupNode[] = [];
    const merged = new Map<string, GroupNode>();
    for (const node of next) {
      const existing = this.groups.get(node.group.key);
      if (existing && sameShape) {
        if (existing.signature !== node.signature) {
          Object.assign(existing, node);
          changedGroups.push(existing);
        }
        merged.set(node.group.key, existing);
      } else {
        merged.set(node.group.key, node);
      }
    }
    this.groups = merged;
    this.rootKeys = nextKeys;
    if (!sameShape) this.changed.fire(undefined);
    else changedGroups.forEach((g) => this.changed.fire(g));
    this.updateChrome();
  }

  private async computeGroups(): Promise<GroupNode[]> {
    const engineer = this.source.engineer();
    if (!engineer) {
      this.total = this.shown = this.journalSize = 0;
      return [];
    }
    const direction = this.source.direction();
    const journal = await this.source.items(engineer);
    this.journalSize = journal.length;
    // Only the engineer's side: received or given, never other people's comments to each other.
    const mine = direction === 'given' ? isGivenBy : isReceivedBy;
    const all = journal.filter((f) => mine(f, engineer.login));
    const filter = { ...this.source.filter(), direction };
    const visible = all.filter(compileFilter(filter, engineer.login, { taxonomy: this.source.taxonomy(), includeSuggested: true }));
    this.total = all.length;
    this.shown = visible.length;
    return groupFeedback(visible, this.source.groupBy(), this.source.taxonomy(), { includeSuggested: true, direction }).map((group) => ({
      kind: 'group',
      engineer,
      group,
      signature: group.items.map(itemSignature).join('|'),
    }));
  }

  private updateChrome(): void {
    if (!this.view) return;
    const engineer = this.source.engineer();
    const filterText = describeFilter(this.source.filter(), this.source.taxonomy());
    const direction = this.source.direction();
    this.view.title = direction === 'given' ? vscode.l10n.t('Feedback given') : vscode.l10n.t('Feedback received');
    this.view.description = [engineer?.login, filterText].filter(Boolean).join(' · ');
    setContext(ContextKeys.direction, direction);
    setContext(ContextKeys.hasEngineer, !!engineer);
    const waiting = this.source.waiting();
    if (!engineer && waiting) {
      this.view.message = waiting;
      return;
    }
    setContext(ContextKeys.filterActive, !isEmptyFilter(this.source.filter()));
    setContext(ContextKeys.empty, this.journalSize === 0);
    // The description is hidden when the sidebar is narrow, so an active filter is also said in the message.
    if (engineer && this.total === 0 && this.journalSize > 0) {
      this.view.message = direction === 'given' ? vscode.l10n.t('No feedback given by {0} yet.', engineer.login) : vscode.l10n.t('No feedback received by {0} yet.', engineer.login);
    } else if (engineer && this.total > 0 && this.shown === 0) {
      this.view.message = vscode.l10n.t('No feedback matches the filter ({0}). Use "Clear filter" in the view title to see everything.', filterText);
    } else if (filterText) {
      this.view.message = vscode.l10n.t('Filtered: {0} ({1} of {2}). Clear it with the ✕ button in the view title.', filterText, this.shown, this.total);
    } else {
      this.view.message = undefined;
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.kind === 'group' ? this.groupItem(node) : this.feedbackItem(node);
  }

  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    if (!node) return this.rootKeys.map((k) => this.groups.get(k)!).filter(Boolean);
    if (node.kind === 'group') {
      return node.group.items.map((item) => ({ kind: 'feedback', engineer: node.engineer, item, parentKey: node.group.key }));
    }
    return [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.kind === 'feedback' ? this.groups.get(node.parentKey) : undefined;
  }

  private groupItem(node: GroupNode): vscode.TreeItem {
    const g = node.group;
    const item = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `group:${g.key}`;
    const s = g.states;
    const isCategory = g.key.startsWith('category:');
    if (g.key === UNTAGGED_KEY) {
      item.description = String(g.count);
      item.tooltip = vscode.l10n.t('{0}: {1} with no tag, and the classifier is not sure enough to suggest one. Tag them with "Tag...".', g.label, comments(g.count));
    } else if (isCategory) {
      // A category group holds its confirmed items and the untagged ones likely to belong to it.
      item.description = stateCounts({ confirmed: s.confirmed, likely: s.likely, notSure: 0 });
      item.tooltip = s.likely
        ? vscode.l10n.t('{0}: {1}, and {2} ({3}).', g.label, stateComments(s.confirmed, 'confirmed'), stateComments(s.likely, 'likely'), TAG_STATE_WORDS.likely.meaning)
        : vscode.l10n.t('{0}: {1}.', g.label, stateComments(s.confirmed, 'confirmed'));
    } else {
      item.description = String(g.count);
      item.tooltip = vscode.l10n.t('{0}: {1} ({2}).', g.label, comments(g.count), stateCounts(s, ', '));
    }
    item.contextValue = 'group';
    item.accessibilityInformation = { label: groupAccessibleLabel(g.label, s, isCategory ? 'category' : g.key === UNTAGGED_KEY ? 'not-sure' : 'other') };
    if (node.group.icon) item.iconPath = new vscode.ThemeIcon(node.group.icon);
    return item;
  }

  private feedbackItem(node: FeedbackNode): vscode.TreeItem {
    const f = node.item;
    const taxonomy = this.source.taxonomy();
    const login = node.engineer.login;
    const now = new Date();
    const item = new vscode.TreeItem(feedbackLabel(f), vscode.TreeItemCollapsibleState.None);
    item.id = `${node.parentKey}/${f.id}`;
    item.description = feedbackDescription(f, now, itemFlags(f, taxonomy), login);
    item.tooltip = feedbackTooltip(f, taxonomy, login);
    item.iconPath = iconFor(f, taxonomy);
    const contexts = ['feedback'];
    if (likelyTag(f)) contexts.push('suggested');
    if (effectiveTags(f).length > 0) contexts.push('tagged');
    if (f.learnedAt) contexts.push('learned');
    if (isGivenBy(f, login)) contexts.push('given');
    item.contextValue = contexts.join(' ');
    item.accessibilityInformation = { label: feedbackAccessibleLabel(f, (id) => taxonomy.labelOf(id), login) };
    item.command = { command: Commands.openFeedback, title: vscode.l10n.t('Open'), arguments: [node] };
    return item;
  }

  /** Redraws every row (a setting that changes how items look, such as remote images). */
  redrawAll(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Everything the tree shows of an item: when it changes, its group is redrawn. */
function itemSignature(i: Feedback): string {
  const tags = i.tags.map((t) => `${t.source}/${t.category}${t.published ? '!' : ''}`).join(',');
  return `${i.id}:${i.updatedAt}:${tags}:${i.learnedAt ?? ''}:${i.isResolved}:${i.body.length}`;
}

function iconFor(f: Feedback, taxonomy: Taxonomy): vscode.ThemeIcon {
  if (f.conventional?.blocking) return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  const tag = effectiveTags(f)[0];
  if (tag) {
    const category = taxonomy.get(tag.category);
    const color = tag.category === 'praise' ? new vscode.ThemeColor('charts.green') : undefined;
    return new vscode.ThemeIcon(category?.icon ?? 'tag', color);
  }
  if (likelyTag(f)) return new vscode.ThemeIcon('lightbulb', new vscode.ThemeColor('charts.yellow'));
  return new vscode.ThemeIcon('comment');
}

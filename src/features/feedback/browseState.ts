// The Feedback view's filter and grouping, kept per workspace so each window
// can look at feedback its own way.
import * as vscode from 'vscode';
import { EMPTY_FILTER, type FeedbackFilter } from '../../core/browse/filter';
import type { GroupBy } from '../../core/browse/group';

const FILTER_KEY = 'reviewMentor.filter';
const GROUP_KEY = 'reviewMentor.groupBy';

export class BrowseState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  get filter(): FeedbackFilter {
    return { ...EMPTY_FILTER, ...this.memento.get<Partial<FeedbackFilter>>(FILTER_KEY, {}) };
  }

  get groupBy(): GroupBy {
    return this.memento.get<GroupBy>(GROUP_KEY, 'category');
  }

  async setFilter(filter: FeedbackFilter): Promise<void> {
    await this.memento.update(FILTER_KEY, filter);
    this.changed.fire();
  }

  async patchFilter(patch: Partial<FeedbackFilter>): Promise<void> {
    await this.setFilter({ ...this.filter, ...patch });
  }

  async setGroupBy(by: GroupBy): Promise<void> {
    await this.memento.update(GROUP_KEY, by);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

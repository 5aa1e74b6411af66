// The Feedback view's filter, grouping and direction (received or given),
// kept per workspace so each window can look at feedback its own way. The
// direction starts from the `reviewMentor.feedback.show` setting.
import * as vscode from 'vscode';
import { EMPTY_FILTER, type FeedbackFilter } from '../../core/browse/filter';
import type { GroupBy } from '../../core/browse/group';

const FILTER_KEY = 'reviewMentor.filter';
const GROUP_KEY = 'reviewMentor.groupBy';
const DIRECTION_KEY = 'reviewMentor.direction';

export type Direction = 'received' | 'given';

export class BrowseState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly defaultDirection: () => Direction,
  ) {}

  /** The filter without a direction: the view's received/given switch decides that. */
  get filter(): FeedbackFilter {
    return { ...EMPTY_FILTER, ...this.memento.get<Partial<FeedbackFilter>>(FILTER_KEY, {}), direction: 'all' };
  }

  /** What the view shows: the switch in its title, else the setting. */
  get direction(): Direction {
    const saved = this.memento.get<string>(DIRECTION_KEY);
    return saved === 'received' || saved === 'given' ? saved : this.defaultDirection();
  }

  get groupBy(): GroupBy {
    return this.memento.get<GroupBy>(GROUP_KEY, 'category');
  }

  async setFilter(filter: FeedbackFilter): Promise<void> {
    await this.memento.update(FILTER_KEY, { ...filter, direction: 'all' });
    this.changed.fire();
  }

  async patchFilter(patch: Partial<FeedbackFilter>): Promise<void> {
    await this.setFilter({ ...this.filter, ...patch });
  }

  async setDirection(direction: Direction): Promise<void> {
    await this.memento.update(DIRECTION_KEY, direction);
    this.changed.fire();
  }

  /** The setting changed: forget the switch so the new default shows. */
  async resetDirection(): Promise<void> {
    await this.memento.update(DIRECTION_KEY, undefined);
    this.changed.fire();
  }

  async setGroupBy(by: GroupBy): Promise<void> {
    await this.memento.update(GROUP_KEY, by);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

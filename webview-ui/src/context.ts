// What the views need from the app, so they do not import it (no cycles).
import type { JournalSnapshot, ViewState } from '../../src/protocol';
import type { RequestInput } from './vscode';

export interface AppContext {
  readonly snapshot: JournalSnapshot;
  readonly state: ViewState;
  readonly now: Date;
  /** Changes view state, saves it and re-renders. */
  update(patch: Partial<ViewState>): void;
  /** Saves view state without re-rendering (scroll position, expanded rows). */
  persist(patch: Partial<ViewState>): void;
  /** Sends a request; shows an error toast on failure, an Undo toast when offered. Resolves to success. */
  request(input: RequestInput): Promise<boolean>;
  categoryLabel(id: string): string;
  rerender(): void;
}

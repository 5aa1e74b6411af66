// What the views need from the app, so they do not import it (no cycles).
import type { JournalSnapshot, ResponseMessage, UnshownFeedback, ViewState } from '../../src/protocol';
import type { ToastOptions } from './toast';
import type { RequestInput } from './vscode';

export interface AppContext {
  readonly snapshot: JournalSnapshot;
  /** Items of the snapshot that failed validation: shown as placeholders. */
  readonly unshown: readonly UnshownFeedback[];
  /** Ids whose body the host shortened for display. */
  readonly clipped: ReadonlySet<string>;
  readonly state: ViewState;
  readonly now: Date;
  /** Changes view state, saves it and re-renders. */
  update(patch: Partial<ViewState>): void;
  /** Saves view state without re-rendering (scroll position, expanded rows). */
  persist(patch: Partial<ViewState>): void;
  /** Sends a request; shows an error toast on failure, an Undo toast when offered. Resolves to success. */
  request(input: RequestInput): Promise<boolean>;
  /** Sends a request and hands back the raw response (no toast): for views that show their own. */
  send(input: RequestInput): Promise<ResponseMessage>;
  toast(message: string, options?: ToastOptions): void;
  categoryLabel(id: string): string;
  rerender(): void;
}

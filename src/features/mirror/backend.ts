// What the "My reviews" panel needs from the rest of the extension; wired to
// the journal store in registerMirror.ts, faked in the unit tests.
import type { EngineerRef, Feedback, Journal } from '../../core/model';
import type { Category } from '../../core/taxonomy';
import type { PeriodId } from '../../protocol';
import type { DisposableLike, PanelLogger } from '../journal/backend';

export interface MirrorBackend {
  /** The reviewer's own journal and every other journal on the same host that the extension keeps (tracked engineers, the demo team). */
  journals(reviewer: EngineerRef): Promise<Journal[]>;
  categories(): readonly Category[];
  /** VS Code's display language (vscode.env.language), for dates in the panel; English when absent. */
  language?(): string;
  /** At its line in a workspace clone, else a read-only preview of its diff hunk. */
  openInEditor(reviewer: EngineerRef, item: Feedback): Promise<void>;
  openExternal(url: string): Promise<boolean>;
  /** The summary export, with "Feedback you gave" ticked. */
  openExport(reviewer: EngineerRef, period?: PeriodId): Promise<void>;
  /** Fires when any journal changes; the panel refreshes for journals on its host. */
  onDidChange(listener: (engineer: EngineerRef) => void): DisposableLike;
}

export type { DisposableLike, PanelLogger };

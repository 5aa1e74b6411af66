// Opens journals through the store, caches what was loaded, and tells the
// views when a journal changes, whether this window or another one wrote it.
import * as vscode from 'vscode';
import type { EngineerRef, Journal } from '../../core/model';
import type { JournalChange, JournalHandle, JournalStore } from '../../store';

export function engineerKey(e: EngineerRef): string {
  return `${e.host}/${e.login.toLowerCase()}`;
}

export class JournalService implements vscode.Disposable {
  private readonly handles = new Map<string, Promise<JournalHandle>>();
  private readonly cache = new Map<string, Promise<Journal>>();
  private readonly watchers: { dispose(): void }[] = [];
  private readonly changed = new vscode.EventEmitter<EngineerRef>();
  /** A journal changed (any part). */
  readonly onDidChange = this.changed.event;
  private readonly changedDetail = new vscode.EventEmitter<{ engineer: EngineerRef; change: JournalChange }>();
  /** The same, saying which items changed, for views that update by delta (the journal panel). */
  readonly onDidChangeDetail = this.changedDetail.event;

  constructor(
    readonly store: JournalStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  handle(engineer: EngineerRef): Promise<JournalHandle> {
    const key = engineerKey(engineer);
    let handle = this.handles.get(key);
    if (!handle) {
      handle = this.store.open(engineer).then((h) => {
        // The handle announces this window's writes and, from its watcher, other processes' writes: one reload each.
        this.watchers.push(h.watch((change) => this.invalidate(engineer, change)));
        return h;
      });
      handle.catch(() => this.handles.delete(key));
      this.handles.set(key, handle);
    }
    return handle;
  }

  /** The latest journal; cached until a write (here or elsewhere) changes it. */
  load(engineer: EngineerRef): Promise<Journal> {
    const key = engineerKey(engineer);
    let journal = this.cache.get(key);
    if (!journal) {
      journal = this.handle(engineer).then((h) => h.load());
      journal.catch((err) => {
        this.cache.delete(key);
        this.log.error(`Could not load the journal of ${key}: ${err instanceof Error ? err.message : String(err)}`);
      });
      this.cache.set(key, journal);
    }
    return journal;
  }

  /** Runs a write through the store; the handle announces it (with what changed), which refreshes the views. */
  async write<T>(engineer: EngineerRef, fn: (h: JournalHandle) => Promise<T>): Promise<T> {
    const handle = await this.handle(engineer);
    if (handle.readOnly) {
      throw new Error(handle.readOnlyReason ?? vscode.l10n.t('The journal of {0} is read-only.', engineer.login));
    }
    return fn(handle);
  }

  invalidate(engineer: EngineerRef, change: JournalChange = { feedback: 'all', meta: true, origin: 'disk' }): void {
    this.cache.delete(engineerKey(engineer));
    this.changed.fire(engineer);
    this.changedDetail.fire({ engineer, change });
  }

  dispose(): void {
    this.watchers.forEach((w) => w.dispose());
    this.changed.dispose();
    this.changedDetail.dispose();
  }
}

// A base for objects that own VS Code resources: register() them once, and
// dispose() releases all of them in reverse order (the GitHub Pull Requests
// extension's pattern). Replaces hand-kept arrays of disposables.
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly owned: { dispose(): unknown }[] = [];
  private disposed = false;

  protected register<T extends { dispose(): unknown }>(resource: T): T {
    if (this.disposed) resource.dispose();
    else this.owned.push(resource);
    return resource;
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const r of this.owned.splice(0).reverse()) {
      try {
        r.dispose();
      } catch {
        // One failing resource must not keep the others alive.
      }
    }
  }
}

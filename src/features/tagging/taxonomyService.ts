// The taxonomy from settings, rebuilt when they change; invalid entries are
// reported once in plain words instead of breaking the views.
import * as vscode from 'vscode';
import { Taxonomy } from '../../core/taxonomy';
import { affectsConfig, readConfig } from '../../platform/config';

export class TaxonomyService implements vscode.Disposable {
  private value: Taxonomy;
  private readonly changed = new vscode.EventEmitter<Taxonomy>();
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.value = this.build();
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsConfig(e, 'categories.extra')) {
        this.value = this.build();
        this.changed.fire(this.value);
      }
    });
  }

  get current(): Taxonomy {
    return this.value;
  }

  private build(): Taxonomy {
    const { taxonomy, problems } = Taxonomy.fromSettings(readConfig().extraCategories);
    if (problems.length > 0) {
      const text = problems.map((p) => `entry ${p.index + 1}: ${p.message}`).join('; ');
      this.log.warn(`Some extra categories were skipped: ${text}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Review Mentor skipped some extra categories in settings: {0}', text), vscode.l10n.t('Open settings')).then((c) => {
        if (c) void vscode.commands.executeCommand('workbench.action.openSettings', 'reviewMentor.categories.extra');
      });
    }
    return taxonomy;
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}

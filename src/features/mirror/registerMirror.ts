// "My reviews": the command (from the palette, the Feedback view's menu and the
// Engineers view) and the panel serializer. The panel host itself is a bundle
// of its own (panelModule.ts -> dist/my-reviews.js), loaded on first use.
import * as vscode from 'vscode';
import type { EngineerRef } from '../../core/model';
import type { App } from '../../app';
import { Commands } from '../../platform/commandIds';
import { affectsConfig } from '../../platform/config';
import { errorText } from '../../platform/errors';
import { loadLazyBundle } from '../../platform/lazyBundle';
import type { MirrorPanels } from './mirrorPanel';
import { MIRROR_VIEW_TYPE } from './viewType';

type PanelModule = typeof import('./panelModule');

export function registerMirrorPanel(app: App): void {
  let panels: MirrorPanels | undefined;
  const get = (): MirrorPanels => {
    if (!panels) {
      const mod = loadLazyBundle<PanelModule>('myReviews');
      panels = mod.createMirrorPanels(app);
      app.context.subscriptions.push(panels);
    }
    return panels;
  };
  app.context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(MIRROR_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => get().restore(panel, state),
    }),
    vscode.workspace.onDidChangeConfiguration((e) => affectsConfig(e, 'render.remoteImages') && panels?.reloadPages()),
    vscode.commands.registerCommand(Commands.openMyReviews, async (arg?: unknown) => {
      // From the Engineers view: that engineer; else you, or the engineer shown (demo data).
      const reviewer = engineerFrom(arg) ?? app.engineers.signedIn ?? app.engineers.selected();
      if (!reviewer) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Sign in or open the demo data first: My reviews shows the feedback you gave.'));
        return;
      }
      try {
        get().show(reviewer);
      } catch (err) {
        app.log.error(`Could not open My reviews: ${errorText(err)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Review Mentor: could not open My reviews. {0}', errorText(err)));
      }
    }),
  );
}

function engineerFrom(arg: unknown): EngineerRef | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  const e = (a.engineer ?? a) as Record<string, unknown>;
  return typeof e.login === 'string' && typeof e.host === 'string' ? { login: e.login, host: e.host } : undefined;
}

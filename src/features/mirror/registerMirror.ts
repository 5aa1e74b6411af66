// "My reviews": the command, the Engineers view entry and the panel's
// backend (journals from the store, comments opened like the Feedback view's).
import * as vscode from 'vscode';
import type { EngineerRef } from '../../core/model';
import type { App } from '../../app';
import { Commands } from '../../platform/commandIds';
import { affectsConfig, readConfig } from '../../platform/config';
import { errorText } from '../../platform/errors';
import type { ExportRequest } from '../export/exportCommand';
import type { MirrorBackend } from './backend';
import { MirrorPanels, MirrorPanelSerializer, MIRROR_VIEW_TYPE } from './mirrorPanel';
import { journalsAround } from './sources';

export function registerMirrorPanel(app: App): MirrorPanels {
  const panels = new MirrorPanels(app.context.extensionUri, mirrorBackend(app), app.log, () => readConfig().remoteImages);
  app.context.subscriptions.push(
    panels,
    vscode.window.registerWebviewPanelSerializer(MIRROR_VIEW_TYPE, new MirrorPanelSerializer(panels)),
    vscode.workspace.onDidChangeConfiguration((e) => affectsConfig(e, 'render.remoteImages') && panels.reloadPages()),
    vscode.commands.registerCommand(Commands.openMyReviews, async (arg?: unknown) => {
      // From the Engineers view: that engineer; else you, or the engineer shown (demo data).
      const reviewer = engineerFrom(arg) ?? app.engineers.signedIn ?? app.engineers.selected();
      if (!reviewer) {
        void vscode.window.showInformationMessage('Sign in or open the demo data first: My reviews shows the feedback you gave.');
        return;
      }
      try {
        panels.show(reviewer);
      } catch (err) {
        void vscode.window.showErrorMessage(`Review Mentor: could not open My reviews. ${errorText(err)}`);
      }
    }),
  );
  return panels;
}

function engineerFrom(arg: unknown): EngineerRef | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  const e = (a.engineer ?? a) as Record<string, unknown>;
  return typeof e.login === 'string' && typeof e.host === 'string' ? { login: e.login, host: e.host } : undefined;
}

function mirrorBackend(app: App): MirrorBackend {
  return {
    journals: (reviewer) => journalsAround(app, reviewer),
    categories: () => app.taxonomy.current.categories,
    openInEditor: async (reviewer, item) => {
      await vscode.commands.executeCommand(Commands.openFeedback, { kind: 'feedback', engineer: reviewer, item, parentKey: 'my-reviews' });
    },
    openExternal: async (url) => {
      const uri = vscode.Uri.parse(url);
      if (uri.scheme !== 'https' && uri.scheme !== 'http') return false;
      return vscode.env.openExternal(uri);
    },
    openExport: async (reviewer) => {
      const req: ExportRequest = { engineers: [reviewer], includeGiven: true };
      await vscode.commands.executeCommand(Commands.exportSummary, req);
    },
    onDidChange: (listener) => app.journals.onDidChange(listener),
  };
}

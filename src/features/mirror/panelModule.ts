// The My reviews panel host, bundled on its own (dist/my-reviews.js) and
// loaded the first time a panel opens, so activation does not pay for it.
// registerMirror.ts holds what must exist from the start (command, serializer).
import * as vscode from 'vscode';
import type { App } from '../../app';
import { Commands } from '../../platform/commandIds';
import { readConfig } from '../../platform/config';
import type { ExportRequest } from '../export/exportCommand';
import type { MirrorBackend } from './backend';
import { MirrorPanels } from './mirrorPanel';
import { journalsAround } from './sources';
import { shareL10nBundle } from '../../platform/l10n';

// A bundle of its own carries its own copy of @vscode/l10n: hand it the display language too.
shareL10nBundle();

export function createMirrorPanels(app: App): MirrorPanels {
  return new MirrorPanels(app.context.extensionUri, mirrorBackend(app), app.log, () => readConfig().remoteImages);
}

function mirrorBackend(app: App): MirrorBackend {
  return {
    journals: (reviewer) => journalsAround(app, reviewer),
    categories: () => app.taxonomy.current.categories,
    language: () => vscode.env.language,
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

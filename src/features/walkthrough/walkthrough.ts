// The "Get started with Review Mentor" walkthrough: contributed in
// package.json (contributes.walkthroughs), opened here on the first install
// and by the Get started command (also linked from the Feedback view's welcome).
import * as vscode from 'vscode';
import type { App } from '../../app';
import { Commands } from '../../platform/commandIds';
import { shouldOpenWalkthrough, WALKTHROUGH_ID, WALKTHROUGH_SHOWN_KEY, type FirstRunFacts } from './firstRun';

export function registerWalkthrough(app: App): void {
  const { context } = app;
  const open = () => vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
  context.subscriptions.push(vscode.commands.registerCommand(Commands.openWalkthrough, open));

  const shown = context.globalState.get<boolean>(WALKTHROUGH_SHOWN_KEY, false);
  if (shown) return;
  void context.globalState.update(WALKTHROUGH_SHOWN_KEY, true);
  void decideOnFirstStart(app).then((facts) => {
    const open_ = shouldOpenWalkthrough(facts);
    app.log.info(`First start after install: ${open_ ? 'opening' : 'not opening'} the getting-started walkthrough (${JSON.stringify(facts)}).`);
    if (!open_) return;
    return open();
  }).then(undefined, (err: unknown) => app.log.warn(`Could not open the walkthrough: ${err instanceof Error ? err.message : String(err)}`));
}

async function decideOnFirstStart(app: App): Promise<FirstRunFacts> {
  const journals = await app.journals.store.list().catch(() => []);
  return {
    shown: false,
    hasSynced: app.sync.lastSync !== undefined,
    hasJournals: journals.length > 0,
    openOnInstall: vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true),
    testMode: app.context.extensionMode === vscode.ExtensionMode.Test,
  };
}

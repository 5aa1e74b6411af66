// Composition root: builds the services, registers views and commands, and
// hands every disposable to VS Code. Logic lives in the modules it wires.
import * as vscode from 'vscode';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Review Mentor', { log: true });
  context.subscriptions.push(log);

  const status = vscode.window.createStatusBarItem('reviewMentor.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'Review Mentor';
  status.text = '$(comment-discussion) Review Mentor: not signed in';
  status.command = 'reviewMentor.showLog';
  status.show();
  context.subscriptions.push(status);

  const emptyTree: vscode.TreeDataProvider<never> = { getTreeItem: (e) => e, getChildren: () => [] };
  context.subscriptions.push(
    vscode.window.createTreeView('reviewMentor.feedback', { treeDataProvider: emptyTree }),
    vscode.commands.registerCommand('reviewMentor.showLog', () => log.show()),
  );

  log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms`);
}

export function deactivate(): void {}

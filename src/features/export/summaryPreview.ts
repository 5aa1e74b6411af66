// Shows an exported HTML summary in a webview panel: works in the desktop and
// the web workbench alike (openExternal on a file does nothing in the web).
// The page is the export itself: no scripts (its own CSP allows none), so the
// webview runs with scripts off and may load nothing.
import * as vscode from 'vscode';
import * as path from 'node:path';

export function showSummaryPreview(file: vscode.Uri, html: string): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel('reviewMentor.summaryPreview', vscode.l10n.t('Preview: {0}', path.basename(file.path)), vscode.ViewColumn.Active, {
    enableScripts: false,
    localResourceRoots: [],
  });
  panel.webview.html = html;
  return panel;
}

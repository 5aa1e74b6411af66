// Code that also runs without VS Code (the panel controllers, the review
// writer, labels shared with the CLI) translates with @vscode/l10n. Handing it
// the bundle VS Code loaded for the display language makes both agree; with
// no bundle (English) it keeps the source strings.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

export function shareL10nBundle(): void {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
}

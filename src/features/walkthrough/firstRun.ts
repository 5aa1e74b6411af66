// When the getting-started walkthrough opens by itself: once, on the first
// activation after install. No `vscode` import: unit tested.

export const WALKTHROUGH_ID = 'reviewMentor.gettingStarted';
export const WALKTHROUGH_SHOWN_KEY = 'reviewMentor.walkthroughShown';

export interface FirstRunFacts {
  /** The flag in globalState: the walkthrough was opened (or skipped) before. */
  shown: boolean;
  /** Someone already synced with this installation (an update, not an install). */
  hasSynced: boolean;
  /** The journal folder already holds journals (the CLI, the demo or another window synced). */
  hasJournals: boolean;
  /** VS Code's workbench.welcomePage.walkthroughs.openOnInstall; false means the user does not want this. */
  openOnInstall: boolean;
  /** Running under the extension test runner. */
  testMode: boolean;
}

/**
 * True on a first install only: never twice, never on an update, never
 * against the user's setting, and never over journals that are already
 * there (the walkthrough would cover the feedback the user came to see).
 */
export function shouldOpenWalkthrough(f: FirstRunFacts): boolean {
  return !f.shown && !f.hasSynced && !f.hasJournals && f.openOnInstall && !f.testMode;
}

// Context keys the manifest's `when` clauses read, declared once. Setting one
// goes through setContext so a typo is a type error, not a menu that never shows.
import * as vscode from 'vscode';

export const ContextKeys = {
  signedIn: 'reviewMentor.signedIn',
  demo: 'reviewMentor.demo',
  empty: 'reviewMentor.empty',
  filterActive: 'reviewMentor.filterActive',
  /** Sign-in has answered and nobody is signed in: the sign-in welcome shows. */
  signedOut: 'reviewMentor.signedOut',
  /** The Feedback view shows an engineer (not "Signing in…"): its title buttons apply. */
  hasEngineer: 'reviewMentor.hasEngineer',
  /** The Feedback view shows feedback 'received' or 'given' (the switch in its title). */
  direction: 'reviewMentor.direction',
  /** A sync runs (user-started or background): shows Cancel sync, disables Sync. */
  syncing: 'reviewMentor.syncing',
  /** The Feedback view's selection holds feedback: the Tag keybinding applies. */
  feedbackSelected: 'reviewMentor.feedbackSelected',
  /** ...and a suggested tag among it: the Accept keybinding applies. */
  suggestionSelected: 'reviewMentor.suggestionSelected',
  /** A sync has completed once (the walkthrough's "first sync" step). */
  synced: 'reviewMentor.synced',
  /** A goal was added in a journal (the walkthrough's "set a goal" step). */
  goalSet: 'reviewMentor.goalSet',
} as const;

export type ContextKey = (typeof ContextKeys)[keyof typeof ContextKeys];

export function setContext(key: ContextKey, value: unknown): void {
  void vscode.commands.executeCommand('setContext', key, value);
}

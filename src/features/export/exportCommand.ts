// "Export summary...": engineers, period, format and privacy options, then a
// file written atomically and offered to open. The CLI produces the same
// output from the same core functions.
import * as vscode from 'vscode';
import { homedir } from 'node:os';
import * as path from 'node:path';
import type { EngineerRef } from '../../core/model';
import { localTimeZone, presetDays, renderSummary } from '../../core/summary';
import { writeFileAtomic } from '../../store/atomicFile';
import type { App } from '../../app';
import { Commands } from '../../platform/commandIds';
import { errorText } from '../../platform/errors';
import { journalsAround } from '../mirror/sources';
import { isStorageError, showStorageError } from '../../platform/storageErrors';
import { plainStorageError } from '../../store/faults';

type Format = 'md' | 'html' | 'csv' | 'json';
const FORMATS: { id: Format; label: string; detail: string }[] = [
  { id: 'md', label: 'Markdown', detail: 'For a 1:1 doc' },
  { id: 'html', label: 'HTML', detail: 'Self-contained and printable; opens in any browser' },
  { id: 'csv', label: 'CSV', detail: 'One row per feedback item, for spreadsheets' },
  { id: 'json', label: 'JSON', detail: 'Versioned schema, for scripts' },
];

export interface ExportRequest {
  engineers?: EngineerRef[];
  /** From the Engineers view's context menu. */
  engineer?: EngineerRef;
  /** Tick "Feedback you gave" (from My reviews). */
  includeGiven?: boolean;
}

export function registerExportCommand(app: App): void {
  app.context.subscriptions.push(
    vscode.commands.registerCommand(Commands.exportSummary, async (req?: ExportRequest) => {
      try {
        await exportSummary(app, req);
      } catch (err) {
        app.log.error(`Export failed: ${errorText(err)}`);
        if (isStorageError(err)) showStorageError(err, () => vscode.commands.executeCommand(Commands.exportSummary, req));
        else void vscode.window.showErrorMessage(`Review Mentor: export failed. ${errorText(err)}`);
      }
    }),
  );
}

// Every step keeps its prompt open when focus moves: started from a webview's
// button, the webview took focus back as the first pick closed, and the next
// pick vanished (seen in the My reviews end-to-end journey).
async function exportSummary(app: App, req?: ExportRequest): Promise<void> {
  const engineers = req?.engineers?.length ? req.engineers : req?.engineer ? [req.engineer] : await pickEngineers(app);
  if (!engineers || engineers.length === 0) return;
  const period = await pickPeriod();
  if (!period) return;
  const format = await vscode.window.showQuickPick(FORMATS.map((f) => ({ ...f, label: f.label })), { title: 'Export format', ignoreFocusOut: true });
  if (!format) return;
  const privacy = await vscode.window.showQuickPick(
    [
      { label: 'Include comment text', picked: true, id: 'text' },
      { label: 'Include reviewer names', picked: true, id: 'names' },
      { label: 'List likely categories', description: 'suggested, not confirmed; shown apart, never counted', picked: false, id: 'likely' },
      { label: 'Include "Feedback you gave" (My reviews)', description: 'the mix of comments given, per person, with prompts', picked: req?.includeGiven === true, id: 'given' },
    ],
    { title: 'What to include (untick to leave out)', canPickMany: true, ignoreFocusOut: true },
  );
  if (!privacy) return;
  const name = engineers.length === 1 ? engineers[0]!.login : 'team';
  const defaultUri = vscode.Uri.joinPath(
    vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir()),
    `review-summary-${name}-${period.from}.${format.id}`,
  );
  const target = await vscode.window.showSaveDialog({ defaultUri, filters: { [format.label]: [format.id] }, title: 'Save summary' });
  if (!target) return;
  const journals = await Promise.all(engineers.map((e) => app.journals.load(e)));
  const includeGiven = privacy.some((p) => p.id === 'given');
  // Comments an engineer gave may also sit in the journals of the people they review.
  const givenSources = includeGiven ? (await Promise.all(engineers.map((e) => journalsAround(app, e)))).flat() : [];
  // The same function and defaults as `review-mentor export` (same bytes for the same journals).
  const text = renderSummary(
    {
      journals,
      fromDay: period.from,
      toDay: period.to,
      timeZone: period.timeZone,
      now: new Date(),
      includeText: privacy.some((p) => p.id === 'text'),
      includeReviewerNames: privacy.some((p) => p.id === 'names'),
      excludeBots: true,
      includeLikely: privacy.some((p) => p.id === 'likely'),
      taxonomy: app.taxonomy.current,
      includeGiven,
      givenSources,
    },
    format.id,
  );
  if (target.scheme === 'file') {
    try {
      await writeFileAtomic(target.fsPath, text);
    } catch (err) {
      throw plainStorageError(err, path.dirname(target.fsPath), 'save', 'or save the summary somewhere else');
    }
  }
  else await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  app.log.info(`Exported a ${format.label} summary for ${engineers.map((e) => e.login).join(', ')} to ${target.fsPath}.`);
  const choice = await vscode.window.showInformationMessage(`Summary saved to ${vscode.workspace.asRelativePath(target)}.`, 'Open', format.id === 'html' ? 'Open in browser' : 'Reveal');
  if (choice === 'Open') await vscode.window.showTextDocument(target);
  if (choice === 'Open in browser') await vscode.env.openExternal(target);
  if (choice === 'Reveal') await vscode.commands.executeCommand('revealFileInOS', target);
}

async function pickEngineers(app: App): Promise<EngineerRef[] | undefined> {
  const all = app.engineers.all();
  if (all.length === 0) {
    void vscode.window.showInformationMessage('Sign in or open the demo data first: there is nobody to summarise yet.');
    return undefined;
  }
  if (all.length === 1) return all;
  const selected = app.engineers.selected();
  const picks = await vscode.window.showQuickPick(
    all.map((e) => ({ label: e.login, description: e.host, picked: selected?.login === e.login && selected.host === e.host, engineer: e })),
    { title: 'Export a summary for', placeHolder: 'Pick one engineer, several, or all (a team summary compares them)', canPickMany: true, ignoreFocusOut: true },
  );
  return picks?.map((p) => p.engineer);
}

/** Whole days (yyyy-mm-dd, `to` inclusive) in the machine's time zone, as in the CLI. */
export interface Period {
  from: string;
  to: string;
  timeZone: string;
}

async function pickPeriod(): Promise<Period | undefined> {
  const timeZone = localTimeZone();
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'Last 2 weeks', id: 'last14' as const },
      { label: 'Last 30 days', id: 'last30' as const },
      { label: 'This quarter', id: 'quarter' as const },
      { label: 'Custom range...', id: 'custom' as const },
    ],
    { title: 'Period', ignoreFocusOut: true },
  );
  if (!pick) return undefined;
  if (pick.id !== 'custom') return { ...presetDays(pick.id, Date.now(), timeZone), timeZone };
  const valid = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && !isNaN(Date.parse(v)) ? undefined : 'Use the form 2026-01-31.');
  const from = await vscode.window.showInputBox({ title: 'From (inclusive)', placeHolder: 'yyyy-mm-dd', validateInput: valid, ignoreFocusOut: true });
  if (!from) return undefined;
  const to = await vscode.window.showInputBox({ title: 'To (inclusive)', placeHolder: 'yyyy-mm-dd', validateInput: (v) => valid(v) ?? (v < from ? 'The end comes before the start.' : undefined), ignoreFocusOut: true });
  if (!to) return undefined;
  return { from, to, timeZone };
}

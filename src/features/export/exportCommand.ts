// "Export summary...": engineers, period, format and privacy options, then a
// file written atomically and offered to open. The CLI produces the same
// output from the same core functions. The summary builder and renderers are
// a bundle of their own (dist/summary.js), loaded on the first export.
import * as vscode from 'vscode';
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import type { EngineerRef } from '../../core/model';
import { localTimeZone, presetDays, type PresetPeriod } from '../../core/summary/period';
import { zonedDate } from '../../core/browse/zone';
import { defaultExportFolder, exportFileName, insideGitWorkTree, openActions, type FolderProbe, type OpenAction } from '../../core/exportTarget';
import { showSummaryPreview } from './summaryPreview';
import { writeFileAtomic } from '../../store/atomicFile';
import type { App } from '../../app';
import { Commands } from '../../platform/commandIds';
import { errorText } from '../../platform/errors';
import { loadLazyBundle } from '../../platform/lazyBundle';
import { journalsAround } from '../mirror/sources';
import { isStorageError, showStorageError } from '../../platform/storageErrors';
import { plainStorageError } from '../../store/faults';

type SummaryRenderer = typeof import('../../core/summary/render');

type Format = 'md' | 'html' | 'csv' | 'json';
/** Built when asked: VS Code's translations are read at call time. */
const formats = (): { id: Format; label: string; detail: string }[] => [
  { id: 'md', label: vscode.l10n.t('Markdown'), detail: vscode.l10n.t('For a 1:1 doc') },
  { id: 'html', label: vscode.l10n.t('HTML'), detail: vscode.l10n.t('Self-contained and printable; opens in any browser') },
  { id: 'csv', label: vscode.l10n.t('CSV'), detail: vscode.l10n.t('One row per feedback item, for spreadsheets') },
  { id: 'json', label: vscode.l10n.t('JSON'), detail: vscode.l10n.t('Versioned schema, for scripts') },
];

export interface ExportRequest {
  engineers?: EngineerRef[];
  /** From the Engineers view's context menu. */
  engineer?: EngineerRef;
  /** Tick "Feedback you gave" (from My reviews). */
  includeGiven?: boolean;
  /** From the journal panel: the period it shows (skips the period question). */
  period?: PresetPeriod;
}

/** The folder the last summary was saved to (outside any git work tree). */
const FOLDER_KEY = 'reviewMentor.exportFolder';

const probe: FolderProbe = {
  isFolder: (d) => {
    try {
      return statSync(d).isDirectory();
    } catch {
      return false;
    }
  },
  exists: (f) => existsSync(f),
};

export function registerExportCommand(app: App): void {
  app.context.subscriptions.push(
    vscode.commands.registerCommand(Commands.exportSummary, async (req?: ExportRequest) => {
      try {
        await exportSummary(app, req);
      } catch (err) {
        app.log.error(`Export failed: ${errorText(err)}`);
        if (isStorageError(err)) showStorageError(err, () => vscode.commands.executeCommand(Commands.exportSummary, req));
        else void vscode.window.showErrorMessage(vscode.l10n.t('Review Mentor: export failed. {0}', errorText(err)));
      }
    }),
  );
}

// Every step keeps its prompt open when focus moves: started from a webview's
// button, the webview took focus back as the first pick closed, and the next
// pick vanished (seen in the My reviews end-to-end journey).
async function exportSummary(app: App, req?: ExportRequest): Promise<void> {
  // Loaded before the first question, so a damaged install says so before any choice is made.
  const { renderSummary, useTranslations } = loadLazyBundle<SummaryRenderer>('summary');
  // Its own copy of @vscode/l10n: the export is written in the display language.
  if (vscode.l10n.bundle) useTranslations(vscode.l10n.bundle);
  const engineers = req?.engineers?.length ? req.engineers : req?.engineer ? [req.engineer] : await pickEngineers(app);
  if (!engineers || engineers.length === 0) return;
  const period = req?.period ? { ...presetDays(req.period, Date.now(), localTimeZone()), timeZone: localTimeZone() } : await pickPeriod();
  if (!period) return;
  const format = await vscode.window.showQuickPick(formats(), { title: vscode.l10n.t('Export format'), ignoreFocusOut: true });
  if (!format) return;
  const privacy = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Include comment text'), picked: true, id: 'text' },
      { label: vscode.l10n.t('Include reviewer names'), picked: true, id: 'names' },
      { label: vscode.l10n.t('List likely categories'), description: vscode.l10n.t('suggested, not confirmed; shown apart, never counted'), picked: false, id: 'likely' },
      { label: vscode.l10n.t('Include "Feedback you gave" (My reviews)'), description: vscode.l10n.t('the mix of comments given, per person, with prompts'), picked: req?.includeGiven === true, id: 'given' },
    ],
    { title: vscode.l10n.t('What to include (untick to leave out)'), canPickMany: true, ignoreFocusOut: true },
  );
  if (!privacy) return;
  // Never a workspace folder by default: a summary about a colleague must not end up in a commit.
  const folder = defaultExportFolder({ remembered: app.context.globalState.get<string>(FOLDER_KEY), home: homedir() }, probe);
  const exportDay = zonedDate(Date.now(), period.timeZone);
  const defaultUri = vscode.Uri.file(path.join(folder, exportFileName(engineers.map((e) => e.login), exportDay, format.id)));
  const target = await vscode.window.showSaveDialog({ defaultUri, filters: { [format.label]: [format.id] }, title: vscode.l10n.t('Save summary') });
  if (!target) return;
  const inGit = target.scheme === 'file' && insideGitWorkTree(path.dirname(target.fsPath), probe);
  if (target.scheme === 'file' && !inGit) await app.context.globalState.update(FOLDER_KEY, path.dirname(target.fsPath));
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
  const where = vscode.workspace.asRelativePath(target);
  const message = inGit ? vscode.l10n.t('Summary saved to {0}. It is inside a git repository: take care not to commit it.', where) : vscode.l10n.t('Summary saved to {0}.', where);
  const show = inGit ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const actions = openActions(format.id, vscode.env.uiKind === vscode.UIKind.Web);
  const labels = actions.map(actionLabel);
  const picked = await show(message, ...labels);
  const choice = picked === undefined ? undefined : actions[labels.indexOf(picked)];
  switch (choice) {
    case 'Open':
      await vscode.window.showTextDocument(target);
      break;
    case 'Open preview':
      showSummaryPreview(target, text);
      break;
    case 'Open in browser':
      if (!(await vscode.env.openExternal(target))) showSummaryPreview(target, text);
      break;
    case 'Reveal':
      await vscode.commands.executeCommand('revealFileInOS', target);
      break;
  }
}

/** The button for an action after saving, in the display language. */
function actionLabel(a: OpenAction): string {
  return { Open: vscode.l10n.t('Open'), 'Open preview': vscode.l10n.t('Open preview'), 'Open in browser': vscode.l10n.t('Open in browser'), Reveal: vscode.l10n.t('Reveal') }[a];
}

async function pickEngineers(app: App): Promise<EngineerRef[] | undefined> {
  const all = app.engineers.all();
  if (all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Sign in or open the demo data first: there is nobody to summarise yet.'));
    return undefined;
  }
  if (all.length === 1) return all;
  // Nobody is ticked: a silent preselection, unticked by the click meant to choose it, exported the wrong set.
  const picks = await vscode.window.showQuickPick(
    all.map((e) => ({ label: e.login, description: e.host, engineer: e })),
    { title: vscode.l10n.t('Export a summary for'), placeHolder: vscode.l10n.t('Pick one engineer, several, or all (a team summary compares them)'), canPickMany: true, ignoreFocusOut: true },
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
      { label: vscode.l10n.t('Last 2 weeks'), id: 'last14' as const },
      { label: vscode.l10n.t('Last 30 days'), id: 'last30' as const },
      { label: vscode.l10n.t('Last 90 days'), id: 'last90' as const },
      { label: vscode.l10n.t('This quarter'), id: 'quarter' as const },
      { label: vscode.l10n.t('Custom range...'), id: 'custom' as const },
    ],
    { title: vscode.l10n.t('Period'), ignoreFocusOut: true },
  );
  if (!pick) return undefined;
  if (pick.id !== 'custom') return { ...presetDays(pick.id, Date.now(), timeZone), timeZone };
  const valid = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && !isNaN(Date.parse(v)) ? undefined : vscode.l10n.t('Use the form 2026-01-31.'));
  const from = await vscode.window.showInputBox({ title: vscode.l10n.t('From (inclusive)'), placeHolder: vscode.l10n.t('yyyy-mm-dd'), validateInput: valid, ignoreFocusOut: true });
  if (!from) return undefined;
  const to = await vscode.window.showInputBox({ title: vscode.l10n.t('To (inclusive)'), placeHolder: vscode.l10n.t('yyyy-mm-dd'), validateInput: (v) => valid(v) ?? (v < from ? vscode.l10n.t('The end comes before the start.') : undefined), ignoreFocusOut: true });
  if (!to) return undefined;
  return { from, to, timeZone };
}

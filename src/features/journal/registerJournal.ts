// Connects the journal panel to the store: entries and links are written
// through JournalHandle.updateMeta, tags through updateFeedback, so two windows
// editing the same journal lose nothing and both show the change.
import * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import type { EngineerRef, Entry } from '../../core/model';
import { suggestedTag } from '../../core/model';
import { acceptSuggestion, applyManualTags, correctionsForManualTags, rejectSuggestion, removeTag } from '../../core/tagging';
import { publishTags } from '../tagging/publish';
import { effectiveTags } from '../../core/model';
import { JournalPanels, JournalPanelSerializer, JOURNAL_VIEW_TYPE, type JournalPanelBackend } from '.';
import type { App } from '../../app';
import { Commands } from '../../platform/commandIds';
import { ContextKeys, setContext } from '../../platform/contextKeys';
import { applyEntryPatch } from './undo';
import { localTimeZone } from '../../core/summary/period';
import { PRESET_OF } from '../../core/journalStats';
import { errorText } from '../../platform/errors';
import { affectsConfig, readConfig } from '../../platform/config';
import { applyDecisions, undoDecisions } from '../review/reviewWriter';

export function registerJournalPanel(app: App): JournalPanels {
  const panels = new JournalPanels(app.context.extensionUri, journalBackend(app), app.log, () => readConfig().remoteImages);
  app.context.subscriptions.push(
    panels,
    vscode.workspace.onDidChangeConfiguration((e) => affectsConfig(e, 'render.remoteImages') && panels.reloadPages()),
    vscode.window.registerWebviewPanelSerializer(JOURNAL_VIEW_TYPE, new JournalPanelSerializer(panels)),
    vscode.commands.registerCommand(Commands.openJournal, async (arg?: unknown) => {
      const engineer = engineerFrom(arg) ?? app.engineers.selected();
      if (!engineer) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Sign in or open the demo data first: the journal shows an engineer\'s feedback.'));
        return;
      }
      try {
        panels.show(engineer);
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Review Mentor: could not open the journal. {0}', errorText(err)));
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

function journalBackend(app: App): JournalPanelBackend {
  const meta = (engineer: EngineerRef, fn: (entries: Entry[]) => void) =>
    app.journals.write(engineer, (h) => h.updateMeta((m) => fn(m.entries)));
  const findEntry = (entries: Entry[], id: string): Entry => {
    const entry = entries.find((e) => e.id === id);
    if (!entry) throw new Error(vscode.l10n.t('That entry no longer exists (it may have been deleted in another window).'));
    return entry;
  };
  const who = () => app.auth.current?.login ?? app.engineers.selected()?.login ?? 'me';

  return {
    load: (engineer) => app.journals.load(engineer),
    readOnlyReason: async (engineer) => {
      const h = await app.journals.handle(engineer);
      return h.readOnly ? (h.readOnlyReason ?? vscode.l10n.t('This journal is read-only.')) : undefined;
    },
    categories: () => app.taxonomy.current.categories,
    timeZone: () => localTimeZone(),
    language: () => vscode.env.language,
    createEntry: async (engineer, input) => {
      const now = new Date().toISOString();
      const entry: Entry = {
        id: randomUUID(),
        kind: input.kind,
        text: input.text,
        status: 'open',
        ...(input.targetDate ? { targetDate: input.targetDate } : {}),
        ...(input.goalId && input.kind === 'action' ? { goalId: input.goalId } : {}),
        links: input.links ?? [],
        createdAt: now,
        updatedAt: now,
      };
      await meta(engineer, (entries) => entries.push(entry));
      // Completes the walkthrough's "set a goal" step.
      if (entry.kind === 'goal') setContext(ContextKeys.goalSet, true);
      return entry;
    },
    updateEntry: async (engineer, id, patch) => {
      let result: Entry | undefined;
      await meta(engineer, (entries) => {
        const entry = findEntry(entries, id);
        applyEntryPatch(entry, patch, new Date().toISOString());
        result = { ...entry, links: [...entry.links] };
      });
      return result!;
    },
    deleteEntry: async (engineer, id) => {
      let removed: Entry | undefined;
      await meta(engineer, (entries) => {
        const index = entries.findIndex((e) => e.id === id);
        if (index < 0) throw new Error(vscode.l10n.t('That entry no longer exists.'));
        removed = entries.splice(index, 1)[0];
      });
      return removed!;
    },
    restoreEntry: (engineer, entry) =>
      meta(engineer, (entries) => {
        if (!entries.some((e) => e.id === entry.id)) entries.push(entry);
      }),
    link: (engineer, entryId, feedbackId) =>
      meta(engineer, (entries) => {
        const entry = findEntry(entries, entryId);
        if (!entry.links.includes(feedbackId)) entry.links.push(feedbackId);
        entry.updatedAt = new Date().toISOString();
      }),
    unlink: (engineer, entryId, feedbackId) =>
      meta(engineer, (entries) => {
        const entry = findEntry(entries, entryId);
        entry.links = entry.links.filter((l) => l !== feedbackId);
        entry.updatedAt = new Date().toISOString();
      }),
    tag: async (engineer, feedbackId, category, op) => {
      const at = new Date().toISOString();
      const before = (await app.journals.load(engineer)).feedback[feedbackId];
      const body = before?.body ?? '';
      let suggestion: string | undefined;
      await app.journals.write(engineer, (h) =>
        h.updateFeedback([feedbackId], (f) => {
          suggestion = suggestedTag(f)?.category;
          switch (op) {
            case 'add':
              Object.assign(f, applyManualTags(f, [...new Set([...effectiveTags(f).filter((t) => t.source === 'manual').map((t) => t.category), category])], who(), at));
              break;
            case 'remove':
              Object.assign(f, removeTag(f, category));
              break;
            case 'accept':
              Object.assign(f, acceptSuggestion(f, who(), at));
              break;
            case 'reject':
              Object.assign(f, rejectSuggestion(f, who(), at, category || undefined));
              break;
          }
        }),
      );
      if (op === 'add' && before) await app.classifier.addCorrections(correctionsForManualTags([before], [category], at));
      if (op === 'accept' && suggestion) await app.classifier.addCorrections([{ body, category: suggestion, at }]);
      if (op === 'reject' && suggestion && category) await app.classifier.addCorrections([{ body, category, rejected: suggestion, at }]);
      // The setting applies here as in the Feedback view; publishTags reads the item after this change.
      if (readConfig().alwaysPublishTags && before) await publishTags(app, { engineer, items: [before] }, { quiet: true });
    },
    review: async (engineer, decisions, batch) => {
      const applied = await app.journals.write(engineer, (h) => applyDecisions(h, decisions, { by: who(), at: new Date().toISOString(), ...(batch ? { batch } : {}) }));
      // Every accept and correction teaches the classifier, as a single tag decision does.
      await app.classifier.addCorrections(applied.receipt.corrections);
      return applied;
    },
    undoReview: async (engineer, receipt) => {
      await app.journals.write(engineer, (h) => undoDecisions(h, receipt));
      await app.classifier.removeCorrections(receipt.corrections);
    },
    // The Feedback view's own commands: the same pickers, corrections and publishing.
    rejectWithPicker: async (engineer, feedbackId) => {
      await vscode.commands.executeCommand(Commands.rejectSuggestion, { ids: [feedbackId], engineer });
    },
    tagWithPicker: async (engineer, feedbackId) => {
      await vscode.commands.executeCommand(Commands.tag, { ids: [feedbackId], engineer });
    },
    openExternal: async (url) => {
      const uri = vscode.Uri.parse(url);
      if (uri.scheme !== 'https' && uri.scheme !== 'http') return false;
      return vscode.env.openExternal(uri);
    },
    openExport: async (engineer, period) => {
      // The period the Overview shows is the one exported (the same days: summary/period).
      const preset = period && period in PRESET_OF ? PRESET_OF[period as keyof typeof PRESET_OF] : undefined;
      await vscode.commands.executeCommand(Commands.exportSummary, { engineers: [engineer], ...(preset ? { period: preset } : {}) });
    },
    onDidChange: (listener) => app.journals.onDidChangeDetail(({ engineer, change }) => listener(engineer, change)),
  };
}

// Tagging commands: Tag..., Remove tag, accept or reject a suggestion, and
// publish a tag to GitHub as a hidden marker. Every change goes through the
// store, so other windows see it and concurrent writers lose nothing.
import * as vscode from 'vscode';
import type { Feedback } from '../../core/model';
import { effectiveTags, suggestedTag } from '../../core/model';
import { acceptSuggestion, applyManualTags, correctionsForManualTags, rejectSuggestion, removeTag } from '../../core/tagging';
import type { App } from '../../app';
import { Commands } from '../../platform/commandIds';
import { readConfig } from '../../platform/config';
import { reportErrors } from '../../platform/reportErrors';
import { pickCategories, pickOneCategory } from './tagPicker';
import { publishTags } from './publish';
import type { TagTarget, TargetResolver } from './tagTarget';

export function registerTaggingCommands(app: App, resolve: TargetResolver): void {
  const { context, journals, taxonomy, log, classifier } = app;
  const who = () => app.auth.current?.login ?? app.engineers.selected()?.login ?? 'me';
  const guard = (fn: (t: TagTarget) => Promise<void>) =>
    reportErrors(log, async (arg?: unknown, selected?: unknown) => {
      const target = await resolve(arg, selected);
      if (!target || target.items.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select one or more feedback items in the Feedback view first.'));
        return;
      }
      await fn(target);
    });
  const update = (t: TagTarget, fn: (f: Feedback) => void) =>
    journals.write(t.engineer, (h) => h.updateFeedback(t.items.map((i) => i.id), fn));

  context.subscriptions.push(
    vscode.commands.registerCommand(
      Commands.tag,
      guard(async (t) => {
        const title = t.items.length === 1 ? vscode.l10n.t('Tag feedback') : vscode.l10n.t('Tag {0} feedback items', t.items.length);
        const categories = await pickCategories(t.items, taxonomy.current, title);
        if (!categories) return;
        const at = new Date().toISOString();
        const by = who();
        await update(t, (f) => Object.assign(f, applyManualTags(f, categories, by, at)));
        await classifier.addCorrections(correctionsForManualTags(t.items, categories, at));
        if (readConfig().alwaysPublishTags) await publishTags(app, t, { quiet: true });
      }),
    ),
    vscode.commands.registerCommand(
      Commands.removeTag,
      guard(async (t) => {
        const present = [...new Set(t.items.flatMap((f) => effectiveTags(f).map((tag) => tag.category)))];
        if (present.length === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('These items have no tags to remove.'));
          return;
        }
        const pick =
          present.length === 1
            ? present[0]
            : (await vscode.window.showQuickPick(present.map((id) => ({ label: taxonomy.current.labelOf(id), id })), { title: vscode.l10n.t('Remove which tag?') }))?.id;
        if (!pick) return;
        const before = t.items.map((f) => ({ id: f.id, tags: f.tags }));
        await update(t, (f) => Object.assign(f, removeTag(f, pick)));
        if (readConfig().alwaysPublishTags) await publishTags(app, t, { quiet: true });
        const undo = await vscode.window.showInformationMessage(vscode.l10n.t('Removed "{0}".', taxonomy.current.labelOf(pick)), vscode.l10n.t('Undo'));
        if (undo) {
          await update(t, (f) => {
            const prev = before.find((b) => b.id === f.id);
            if (prev) f.tags = prev.tags;
          });
        }
      }),
    ),
    vscode.commands.registerCommand(
      Commands.acceptSuggestion,
      guard(async (t) => {
        const at = new Date().toISOString();
        const accepted = t.items.filter((f) => suggestedTag(f));
        if (accepted.length === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('None of the selected items has a suggested tag to accept.'));
          return;
        }
        await update({ ...t, items: accepted }, (f) => Object.assign(f, acceptSuggestion(f, who(), at)));
        await classifier.addCorrections(accepted.map((f) => ({ body: f.body, category: suggestedTag(f)!.category, at })));
        if (readConfig().alwaysPublishTags) await publishTags(app, { ...t, items: accepted }, { quiet: true });
      }),
    ),
    vscode.commands.registerCommand(
      Commands.rejectSuggestion,
      guard(async (t) => {
        const item = t.items[0]!;
        const suggestion = suggestedTag(item);
        if (!suggestion) return;
        const right = await pickOneCategory(taxonomy.current, `Not ${taxonomy.current.labelOf(suggestion.category)}: what is it?`, suggestion.category);
        const at = new Date().toISOString();
        await update({ ...t, items: [item] }, (f) => Object.assign(f, rejectSuggestion(f, who(), at, right)));
        await classifier.addCorrections([{ body: item.body, category: right ?? '', rejected: suggestion.category, at }].filter((c) => c.category));
        if (right && readConfig().alwaysPublishTags) await publishTags(app, { ...t, items: [item] }, { quiet: true });
      }),
    ),
    vscode.commands.registerCommand(Commands.publishTag, guard((t) => publishTags(app, t, { quiet: false }))),
  );
}

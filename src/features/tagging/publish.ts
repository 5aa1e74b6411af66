// Publishes tags to GitHub as a hidden marker appended to the comment, so the
// author's extension reads them on its next sync. Only your own comments can
// be edited; a refused edit leaves the tag local and says why. The items are
// read from the journal when publishing starts, so the tags published are the
// ones after the change that asked for it; the live body on GitHub is read
// first and a comment edited there since the last sync is left alone.
import * as vscode from 'vscode';
import { effectiveTags } from '../../core/model';
import { CommentChangedError, publishMarker } from '../../github/publishing';
import { ForbiddenError, NotFoundError } from '../../github/errors';
import type { App } from '../../app';
import { isOwnComment, type TagTarget } from './tagTarget';
import { errorText } from '../../platform/errors';

export async function publishTags(app: App, target: TagTarget, opts: { quiet: boolean }): Promise<void> {
  const me = app.auth.current?.login;
  if (!me) {
    if (!opts.quiet) void vscode.window.showWarningMessage(vscode.l10n.t('Sign in to GitHub to publish tags.'));
    return;
  }
  const journal = await app.journals.load(target.engineer);
  const items = target.items.map((f) => journal.feedback[f.id] ?? f);
  const own = items.filter((f) => isOwnComment(f, me) && effectiveTags(f).length > 0);
  const skipped = items.length - own.length;
  if (own.length === 0) {
    if (!opts.quiet) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Only tags on your own comments can be published, and the comment needs a tag first. The tags stay in your journal.'));
    }
    return;
  }
  const taxonomy = app.taxonomy.current;
  let published = 0;
  const refused: string[] = [];
  for (const f of own) {
    const markers = effectiveTags(f)
      .map((t) => ({ group: taxonomy.groupOf(t.category), category: t.category }))
      .filter((m): m is { group: 'technical' | 'interpersonal'; category: string } => !!m.group);
    if (markers.length === 0) continue;
    try {
      const saved = await publishMarker(app.client(), f, markers);
      await app.journals.write(target.engineer, (h) =>
        h.updateFeedback([f.id], (item) => {
          item.body = saved.body;
          item.updatedAt = saved.updatedAt;
          item.tags = item.tags.map((t) => (t.source === 'suggested' ? t : { ...t, published: true }));
        }),
      );
      published++;
    } catch (err) {
      const why =
        err instanceof CommentChangedError
          ? vscode.l10n.t('edited on GitHub since the last sync: sync, then publish again')
          : err instanceof ForbiddenError
            ? vscode.l10n.t('GitHub refused the edit')
            : err instanceof NotFoundError
              ? vscode.l10n.t('the comment is gone')
              : errorText(err);
      refused.push(`${f.repo}#${f.prNumber} (${why})`);
      app.log.warn(`Could not publish a tag on ${f.url}: ${errorText(err)}`);
    }
  }
  if (refused.length > 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Review Mentor could not publish {0} tag(s); they stay local: {1}.', refused.length, refused.join(', ')));
  } else if (!opts.quiet) {
    void vscode.window.showInformationMessage(
      skipped ? vscode.l10n.t('Published tags on {0} comment(s); {1} not yours were kept local.', published, skipped) : vscode.l10n.t('Published tags on {0} comment(s).', published),
    );
  }
}

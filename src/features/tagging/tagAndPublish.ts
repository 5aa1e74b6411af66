// "Tag and publish..." on a comment in the GitHub Pull Requests extension's
// review threads: the reviewer tags the comment they just wrote, and the tag
// marker is written into it on GitHub at once (for a pending comment, it goes
// out with the review). The author's Review Mentor reads it on the next sync.
import * as vscode from 'vscode';
import type { App } from '../../app';
import { Commands } from '../../platform/commandIds';
import { reportErrors } from '../../platform/reportErrors';
import { updateCommentBody } from '../../github/mutations';
import { ForbiddenError, NotFoundError } from '../../github/errors';
import { errorText } from '../../platform/errors';
import { pickCategories } from './tagPicker';
import { planTagAndPublish, prExtensionComment } from './prExtension';

export function registerTagAndPublish(app: App): void {
  app.context.subscriptions.push(
    vscode.commands.registerCommand(
      Commands.tagAndPublish,
      reportErrors(app.log, async (arg?: unknown) => {
        const comment = prExtensionComment(arg);
        if (!comment) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Use Tag and publish on a comment in a pull request review thread.'));
          return;
        }
        const me = app.auth.current?.login;
        if (!me) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Sign in to GitHub to publish tags.'));
          return;
        }
        if (planTagAndPublish(comment, me, []).kind === 'not-yours') {
          void vscode.window.showInformationMessage(vscode.l10n.t('Only {0} can publish a tag on this comment. Tag it in your journal from the Feedback view instead.', comment.author));
          return;
        }
        const taxonomy = app.taxonomy.current;
        const categories = await pickCategories([], taxonomy, vscode.l10n.t('Tag your comment (published with it)'));
        if (!categories || categories.length === 0) return;
        const markers = categories.flatMap((category) => {
          const group = taxonomy.groupOf(category);
          return group ? [{ group, category }] : [];
        });
        const plan = planTagAndPublish(comment, me, markers);
        if (plan.kind !== 'publish') {
          void vscode.window.showInformationMessage(vscode.l10n.t('The comment already carries these tags.'));
          return;
        }
        try {
          await updateCommentBody(app.client(), { id: comment.id, kind: 'review-comment', body: plan.body });
        } catch (err) {
          const why = err instanceof ForbiddenError ? 'GitHub refused the edit' : err instanceof NotFoundError ? 'the comment is gone' : errorText(err);
          void vscode.window.showWarningMessage(vscode.l10n.t('Review Mentor could not publish the tag: {0}.', why));
          return;
        }
        const labels = categories.map((c) => taxonomy.labelOf(c)).join(', ');
        app.log.info(`Published ${labels} on ${comment.url ?? comment.id}.`);
        void vscode.window.showInformationMessage(
          comment.isDraft ? vscode.l10n.t('Tagged {0}; the tag goes out with your pending review.', labels) : vscode.l10n.t('Tagged {0} and published it with the comment.', labels),
        );
      }),
    ),
  );
}

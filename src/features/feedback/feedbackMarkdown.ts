// The MarkdownString shown for a feedback item in tooltips, hovers and comment
// threads. The text itself is built (and tested) in src/core/browse/feedbackMarkdown.ts;
// here it is only wrapped: untrusted, no HTML, no command links.
import * as vscode from 'vscode';
import type { Feedback } from '../../core/model';
import type { Taxonomy } from '../../core/taxonomy';
import { feedbackMarkdown } from '../../core/browse/feedbackMarkdown';
import { readConfig } from '../../platform/config';

export function feedbackTooltip(f: Feedback, taxonomy: Taxonomy, remoteImages = readConfig().remoteImages): vscode.MarkdownString {
  const md = new vscode.MarkdownString(feedbackMarkdown(f, taxonomy, { remoteImages }), true);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

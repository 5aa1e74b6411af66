// The MarkdownString shown for a feedback item in tooltips, hovers and comment
// threads. The text itself is built (and tested) in src/core/browse/feedbackMarkdown.ts;
// here it is only wrapped: untrusted, no HTML, no command links.
import * as vscode from 'vscode';
import type { Feedback } from '../../core/model';
import type { Taxonomy } from '../../core/taxonomy';
import { feedbackMarkdown } from '../../core/browse/feedbackMarkdown';
import { readConfig } from '../../platform/config';

/** `login`: the engineer whose feedback this is; feedback they gave says so. */
export function feedbackTooltip(f: Feedback, taxonomy: Taxonomy, login?: string, remoteImages = readConfig().remoteImages): vscode.MarkdownString {
  const md = new vscode.MarkdownString(feedbackMarkdown(f, taxonomy, { remoteImages, ...(login ? { login } : {}) }), true);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

// Markdown shown for a feedback item in tooltips and hovers. Comment bodies come
// from GitHub and are untrusted: no HTML, no command links, markers stripped.
import * as vscode from 'vscode';
import type { Feedback } from '../../core/model';
import { effectiveTags, suggestedTag } from '../../core/model';
import type { Taxonomy } from '../../core/taxonomy';
import { stripMarkers } from '../../core/markers';

const MAX_BODY = 4000;

export function feedbackTooltip(f: Feedback, taxonomy: Taxonomy): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendText(`${f.reviewer} on ${f.repo}#${f.prNumber}${f.prTitle ? ` (${f.prTitle})` : ''}`);
  md.appendMarkdown('\n\n');
  const tags = effectiveTags(f).map((t) => taxonomy.labelOf(t.category));
  const suggestion = suggestedTag(f);
  const meta = [
    tags.length ? `$(tag) ${tags.join(', ')}` : undefined,
    suggestion ? `$(lightbulb) suggested: ${taxonomy.labelOf(suggestion.category)} (${Math.round((suggestion.confidence ?? 0) * 100)}%)` : undefined,
    f.conventional?.blocking ? '$(error) blocking' : f.conventional?.blocking === false ? 'non-blocking' : undefined,
    f.isResolved ? '$(pass) resolved' : undefined,
    f.path ? `$(file) ${escapeMarkdown(f.path)}${f.line ? `:${f.line}` : ''}` : undefined,
  ].filter(Boolean);
  if (meta.length) md.appendMarkdown(meta.join(' · ') + '\n\n---\n\n');
  let body = stripMarkers(f.body);
  if (body.length > MAX_BODY) body = body.slice(0, MAX_BODY) + '\n\n…';
  md.appendMarkdown(body);
  return md;
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

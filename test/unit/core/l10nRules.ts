// The rules of the localisation test: which strings people read and whether
// they pass through l10n.t. Kept apart from the test so a script can run them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** `l10n.t(...)` or `vscode.l10n.t(...)`. */
export function isL10nCall(node: ts.Node): boolean {
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't' && /(^|\.)l10n$/.test(node.expression.expression.getText());
}

/** Letters a reader would see: codicons like `$(sync~spin)` are not words. */
const hasWords = (text: string) => /[A-Za-z]/.test(text.replace(/\$\([\w~-]+\)/g, ''));

/**
 * The first piece of text written in place that reaches the user through this
 * expression: a literal, the literal parts of a template, either side of `+`,
 * `??`, `||` or `?:`, an array's elements (`[...].join(' · ')`), the object a
 * method is called on. Arguments of other calls are not followed (an id, a
 * format option); l10n.t(...) is the way out.
 */
function literalText(node: ts.Node): ts.Node | undefined {
  if (isL10nCall(node)) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return hasWords(node.text) ? node : undefined;
  if (ts.isTemplateExpression(node)) {
    if (hasWords(node.head.text) || node.templateSpans.some((s) => hasWords(s.literal.text))) return node;
    for (const s of node.templateSpans) if (literalText(s.expression)) return node;
    return undefined;
  }
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) return literalText(node.left) ?? literalText(node.right);
  if (ts.isConditionalExpression(node)) return literalText(node.whenTrue) ?? literalText(node.whenFalse);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return literalText(node.expression);
  if (ts.isArrayLiteralExpression(node)) for (const e of node.elements) { const hit = literalText(e); if (hit) return hit; }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) return literalText(node.expression.expression);
  return undefined;
}

const MESSAGE_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage']);
/** Object-literal properties people read: quick picks, input boxes, progress, commands, items. */
const TEXT_PROPERTIES = new Set(['title', 'placeHolder', 'placeholder', 'prompt', 'tooltip', 'label', 'description', 'detail', 'validationMessage', 'text']);
/** Assignments people read: tree items, tree views, status bar items, comment threads, panels. */
const ASSIGNED_PROPERTIES = new Set(['tooltip', 'label', 'description', 'text', 'name', 'title', 'message', 'placeholder', 'placeHolder', 'prompt']);
/** Constructors and calls whose text argument people read, and which argument. */
const TEXT_ARGUMENTS = new Map<string, number>([['TreeItem', 0], ['MarkdownString', 0], ['Hover', 0], ['appendMarkdown', 0], ['appendText', 0], ['createWebviewPanel', 1], ['createCommentController', 1], ['setStatusBarMessage', 0]]);

/** An exhaustiveness check (`const never: never = x; throw new Error(...never...)`) speaks to developers, never to users. */
function mentionsNever(node: ts.Node): boolean {
  return (ts.isIdentifier(node) && node.text === 'never') || (ts.forEachChild(node, (c) => mentionsNever(c) || undefined) ?? false);
}

const calleeName = (e: ts.Expression) => (ts.isPropertyAccessExpression(e) ? e.name.text : ts.isIdentifier(e) ? e.text : '');

/** Every user-visible string written in place and not passed through l10n.t, as file:line. */
export function unlocalisedStrings(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const report = (n: ts.Node | undefined, what: string) => n && found.push(`${file}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1} ${what}: ${n.getText().slice(0, 70)}`);
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      const args = node.arguments ?? ts.factory.createNodeArray();
      if (MESSAGE_CALLS.has(name)) for (const a of args) report(literalText(a), name);
      const at = TEXT_ARGUMENTS.get(name);
      if (at !== undefined && args[at]) report(literalText(args[at]!), name);
      // Errors thrown in the extension reach people (notifications, the panels' toasts).
      if (ts.isNewExpression(node) && name.endsWith('Error') && args[0] && !mentionsNever(args[0])) report(literalText(args[0]), `new ${name}`);
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && TEXT_PROPERTIES.has(node.name.text)) report(literalText(node.initializer), node.name.text);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && ASSIGNED_PROPERTIES.has(node.left.name.text)) report(literalText(node.right), `.${node.left.name.text} =`);
    if (isL10nCall(node)) return; // its own argument is the English source string
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}


/** Attributes people read (or hear): their literal values must come from l10n.t too. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
const HOLE = '\u0001';

/**
 * Text written in place in a lit template: words between tags, and literal
 * values of the attributes above. `${...}` holes are not text; key caps in
 * <kbd> (named as printed on the key, like aria-keyshortcuts) and the insides
 * of <code>, <style> and <script> are not checked.
 */
function templateText(parts: string[]): string[] {
  const markup = parts.join(HOLE).replace(/<!--[\s\S]*?-->/g, '');
  const found: string[] = [];
  let skip: string | undefined;
  const tags = /<\/?([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let last = 0;
  const text = (t: string) => {
    const words = t.replace(/&[#\w]+;/g, ' ').split(HOLE).join(' ').trim();
    if (!skip && /[A-Za-z]/.test(words)) found.push(words.replace(/\s+/g, ' '));
  };
  for (const m of markup.matchAll(tags)) {
    text(markup.slice(last, m.index));
    last = m.index! + m[0].length;
    const name = m[1]!.toLowerCase();
    const closing = m[0].startsWith('</');
    if (['kbd', 'code', 'style', 'script'].includes(name)) skip = closing ? undefined : name;
    if (closing) continue;
    for (const a of m[2]!.matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g)) {
      const value = (a[2] ?? a[3] ?? a[4] ?? '').split(HOLE).join(' ');
      if (TEXT_ATTRIBUTES.has(a[1]!.toLowerCase()) && /[A-Za-z]/.test(value)) found.push(`${a[1]}="${value.trim()}"`);
    }
  }
  text(markup.slice(last));
  return found;
}

/** Every piece of English written in place in the lit templates (html`...`) of a file, as file:line. */
export function untranslatedTemplateText(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ['html', 'svg'].includes(node.tag.getText())) {
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t.text] : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)];
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      for (const words of templateText(parts)) found.push(`${file}:${line} ${words.slice(0, 70)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

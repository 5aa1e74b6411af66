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

/** A literal that is one identifier-like token: an id or a class name (`this.name = 'StoreLockError'`), not words. */
const isToken = (n: ts.Node) => (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && /^[A-Za-z]\w*$/.test(n.text);

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
      // A single token (an operation's name, 'ReviewMentorFeedback') is an id, not a message.
      if (ts.isNewExpression(node) && name.endsWith('Error') && args[0] && !mentionsNever(args[0]) && !isToken(args[0])) report(literalText(args[0]), `new ${name}`);
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && TEXT_PROPERTIES.has(node.name.text)) report(literalText(node.initializer), node.name.text);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && ASSIGNED_PROPERTIES.has(node.left.name.text) && !(node.left.name.text === 'name' && isToken(node.right))) report(literalText(node.right), `.${node.left.name.text} =`);
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

/**
 * Prose: two words in a row ("not sure", "to erin"), or a capitalised word
 * ("Untagged"). Ids, keys, file names and single lower-case tokens ("likely",
 * "not-sure", "journal.json") are not prose, so ids that are returned or
 * compared are left alone.
 */
function isProse(text: string): boolean {
  const t = readable(text);
  return /\p{L}{2,}[,;:.!?)]?\s+["“(]?\p{L}/u.test(t) || /^\s*[A-Z][a-z]+\b/.test(t);
}

/** What a reader sees of a literal: HTML tags and entities, and codicons, are not words. */
const readable = (text: string) => text.replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ').replace(/\$\([\w~-]+\)/g, ' ');

/** Like literalText, but only text that reads as prose (a template's holes split it into parts). */
function proseText(node: ts.Node): ts.Node | undefined {
  const hit = literalText(node);
  if (!hit) return undefined;
  const parts = ts.isTemplateExpression(hit) ? [hit.head.text, ...hit.templateSpans.map((s) => s.literal.text)] : ts.isStringLiteral(hit) || ts.isNoSubstitutionTemplateLiteral(hit) ? [hit.text] : [];
  // A template whose own parts are not prose may still hold a prose literal in a hole.
  // A word next to a hole is assembled text too: `${n} comments`, `to ${login}`, `${p}% likely`.
  const joined = readable(parts.join('\uE000'));
  if (/\p{Ll}{2,}\s*\uE000|\uE000[\s%]*\p{L}\p{Ll}+/u.test(joined)) return hit; // HTTP ${status} is not a word
  if (parts.join(' ').includes('<') ? isProse(parts.join(' ')) : parts.some(isProse) || (ts.isTemplateExpression(hit) && hit.templateSpans.some((s) => proseText(s.expression)))) return hit;
  return undefined;
}

/** A literal with words once markup is set aside (a list item may be one word: 'blocking'). */
function wordsIn(node: ts.Node): ts.Node | undefined {
  const hit = literalText(node);
  if (!hit) return undefined;
  const parts = ts.isTemplateExpression(hit) ? [hit.head.text, ...hit.templateSpans.map((s) => s.literal.text)] : ts.isStringLiteral(hit) || ts.isNoSubstitutionTemplateLiteral(hit) ? [hit.text] : [];
  return /[A-Za-z]/.test(readable(parts.join(' '))) || proseText(node) ? hit : undefined;
}

/** Properties of plain objects whose values people read: the vocabulary's words, problems' messages, a talking point's text. */
const CORE_TEXT_PROPERTIES = new Set([...TEXT_PROPERTIES, 'word', 'meaning', 'message', 'reason', 'intro', 'heading', 'hint', 'note']);

/** The log stays English: read by whoever debugs, attached to bug reports, grepped. */
const LOG_CALL = /\b(logger|log)\??\.(info|warn|error|debug|trace)$/;

/**
 * Text in these modules that is not for people, named one by one: GraphQL,
 * a style sheet, a stop-word list, the lock's reasons (they go to the log),
 * and errors only a programming mistake raises.
 */
const NOT_FOR_PEOPLE: { file: RegExp; what: RegExp }[] = [
  { file: /src\/github\/queries\.ts$/, what: /./ }, // GraphQL documents and their parts
  { file: /src\/core\/summary\/html\.ts$/, what: / const: `\s*:root\{/ }, // the page's CSS
  { file: /src\/core\/summary\/themes\.ts$/, what: / const: `\s*able across/ }, // stop words, never shown
  { file: /src\/store\/lock\.ts$/, what: /was not refreshed for|belonged to process/ }, // "Took over the lock: it ..." in the log
  { file: /src\/github\/nodeFetch\.ts$/, what: / new TypeError: / }, // fetch()'s contract (a URL or body we never build), worded as undici does
  { file: /src\/store\/migrations\.ts$/, what: / new Error: / }, // a schema version without a migration is a bug
  { file: /src\/core\/markers\.ts$/, what: / new RangeError: / }, // callers pass taxonomy ids: a bug signal
  { file: /src\/core\/exportTarget\.ts$/, what: / return: 'Open'$/ }, // OpenAction ids; exportCommand's actionLabel words them
  { file: /src\/core\/engineerSelection\.ts$/, what: / reason: '[a-z-]+'$/ }, // ids of why nobody is picked; the view words them
];

/**
 * Every user-visible string written in place in code that builds text away
 * from the vscode API (src/core, src/github, src/store): what unlocalisedStrings
 * finds, plus prose that is returned, pushed onto a list, passed to super(),
 * given as a parameter's default, kept in a variable, or set as a text
 * property (label, word, meaning, message, reason...). Literal single words are
 * caught as text properties and list items; elsewhere they may be ids.
 */
export function unlocalisedCoreText(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found = new Set(unlocalisedStrings(file, text));
  const report = (n: ts.Node | undefined, what: string) => n && found.add(`${file}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1} ${what}: ${n.getText().slice(0, 70)}`);
    const visit = (node: ts.Node) => {
    if (isL10nCall(node)) return;
    if (ts.isCallExpression(node) && LOG_CALL.test(node.expression.getText())) return;
    if (ts.isReturnStatement(node) && node.expression) report(proseText(node.expression), 'return');
    if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) report(proseText(node.body), '=>');
    if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      if (name === 'push' || name === 'unshift') for (const a of node.arguments) report(wordsIn(a), name);
      if (node.expression.kind === ts.SyntaxKind.SuperKeyword) for (const a of node.arguments) report(proseText(a), 'super');
    }
    if (ts.isParameter(node) && node.initializer) report(proseText(node.initializer), 'default');
    if (ts.isVariableDeclaration(node) && node.initializer) report(proseText(node.initializer), 'const');
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && CORE_TEXT_PROPERTIES.has(node.name.text)) report(literalText(node.initializer), node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found].filter((f) => !NOT_FOR_PEOPLE.some((n) => n.file.test(file) && n.what.test(f)));
}

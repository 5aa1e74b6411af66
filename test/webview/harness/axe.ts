// Accessibility check with axe-core for any page or frame of the browser
// tests. axe is evaluated through the DevTools protocol, which the page's CSP
// does not govern, so the page keeps its real CSP while it is checked.
//
//   const found = await axeViolations(page, { include: ['#review'] });
//   assert.deepEqual(found, [], formatViolations(found));
//
// Only serious and critical violations count unless `impacts` says otherwise.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0-2.2 A and AA, plus axe's best practices (landmarks, headings, ...). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeOptions {
  /** CSS selectors of the parts to check (default: the whole document). */
  include?: string[];
  /** CSS selectors of parts to leave out, each with a reason in the calling test. */
  exclude?: string[];
  /** Impacts that count as a failure (default: serious and critical). */
  impacts?: ImpactValue[];
  /** Rule ids to skip, e.g. a rule that cannot apply in the harness. */
  disableRules?: string[];
}

export interface AxeViolation {
  rule: string;
  impact: ImpactValue;
  help: string;
  helpUrl: string;
  /** One line per offending element: its selector and axe's summary of what to fix. */
  nodes: string[];
}

/** Runs axe on the page (or frame) as it is now and returns the violations that count. */
export async function axeViolations(target: Page | Frame, o: AxeOptions = {}): Promise<AxeViolation[]> {
  const loaded = await target.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await target.evaluate(AXE_SOURCE);
  const options: RunOptions = {
    runOnly: { type: 'tag', values: AXE_TAGS },
    resultTypes: ['violations'],
    rules: Object.fromEntries((o.disableRules ?? []).map((id) => [id, { enabled: false }])),
  };
  const context = { include: o.include?.length ? o.include.map((s) => [s]) : [['html']], exclude: (o.exclude ?? []).map((s) => [s]) };
  const results = await target.evaluate(
    ([ctx, opts]) => (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe.run(ctx, opts),
    [context, options] as const,
  );
  const impacts = o.impacts ?? ['serious', 'critical'];
  return results.violations.filter((v: Result) => impacts.includes(v.impact ?? null)).map(toViolation);
}

function toViolation(v: Result): AxeViolation {
  return {
    rule: v.id,
    impact: v.impact ?? null,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`),
  };
}

/** A readable assertion message: one block per rule, one line per element. */
export function formatViolations(found: AxeViolation[], label = ''): string {
  if (found.length === 0) return 'no violations';
  return [
    `${found.length} accessibility violation(s)${label ? ` in ${label}` : ''}:`,
    ...found.map((v) => [`- ${v.rule} (${v.impact}): ${v.help} ${v.helpUrl}`, ...v.nodes.slice(0, 8).map((n) => `    ${n}`)].join('\n')),
  ].join('\n');
}

// One export, two front ends: the editor's "Export summary..." and
// `review-mentor export` both call renderSummary, so the same journals, days,
// time zone and options give the same bytes. Days are whole days in
// `timeZone`; both front ends default to the machine's own zone.
import * as l10n from '@vscode/l10n';
import type { Journal } from '../model';
import type { Taxonomy } from '../taxonomy';
import { addDaysToDate } from '../browse/zone';
import { buildSummary } from './build';
import { toMarkdown } from './markdown';
import { toHtml } from './html';
import { toCsv } from './csv';
import { toJson } from './json';
import type { Summary } from './schema';

export { localTimeZone } from './period';

/**
 * The display language's translations (vscode.l10n.bundle). The editor loads
 * this module as a bundle of its own (dist/summary.js) with its own copy of
 * @vscode/l10n, which the extension's activation never configured; without a
 * call (the CLI) the words stay English.
 */
export function useTranslations(contents: Record<string, string>): void {
  l10n.config({ contents });
}

export const SUMMARY_FORMATS = { md: toMarkdown, html: toHtml, csv: toCsv, json: toJson } as const;
export type SummaryFormat = keyof typeof SUMMARY_FORMATS;

export interface SummaryRequest {
  journals: Journal[];
  /** First day, yyyy-mm-dd. */
  fromDay: string;
  /** Last day, inclusive, yyyy-mm-dd. */
  toDay: string;
  timeZone: string;
  now: Date;
  includeText: boolean;
  includeReviewerNames: boolean;
  excludeBots: boolean;
  taxonomy: Taxonomy;
  /** List likely categories as a separate layer (default off). */
  includeLikely?: boolean;
  /** Add "Feedback you gave" (My reviews). */
  includeGiven?: boolean;
  /** Other journals that may hold comments the engineers gave. */
  givenSources?: readonly Journal[];
}

export function summarise(r: SummaryRequest): Summary {
  return buildSummary({
    journals: r.journals,
    from: r.fromDay,
    to: addDaysToDate(r.toDay, 1),
    now: r.now,
    timeZone: r.timeZone,
    includeText: r.includeText,
    includeReviewerNames: r.includeReviewerNames,
    excludeBots: r.excludeBots,
    taxonomy: r.taxonomy,
    includeLikely: r.includeLikely === true,
    includeGiven: r.includeGiven,
    givenSources: r.givenSources,
  });
}

export function renderSummary(r: SummaryRequest, format: SummaryFormat): string {
  return SUMMARY_FORMATS[format](summarise(r));
}

// 1:1 summaries: build once, render to any format.
export { buildSummary, isBot, isBlockingIssue, isPraise, countedCategories, quoteText, type SummaryOptions } from './build';
export { resolvePeriods, toInstant, presetDays, type PresetPeriod, type Periods, type Interval, type DateInput } from './period';
export { renderSummary, summarise, localTimeZone, SUMMARY_FORMATS, type SummaryFormat, type SummaryRequest } from './render';
export { toMarkdown } from './markdown';
export { toHtml, esc } from './html';
export { toCsv, CSV_COLUMNS } from './csv';
export { toJson } from './json';
export * from './schema';

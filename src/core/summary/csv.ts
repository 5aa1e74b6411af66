// CSV: one row per feedback item in the period, RFC 4180 (quoted fields,
// CRLF records) through csv-stringify. Every cell goes through csvCell
// (src/core/safeText.ts): control characters made visible, and a leading
// apostrophe on anything a spreadsheet could run as a formula (OWASP's rule,
// judged after trimming white space, so " =1+1", "\n=1+1" and "＝1+1" too).
import { stringify } from 'csv-stringify/sync';
import { csvCell as cell } from '../safeText';
import type { Summary } from './schema';

export const CSV_COLUMNS = [
  'engineer', 'direction', 'date', 'created_at', 'repo', 'pr_number', 'pr_title', 'pr_url', 'comment_url',
  'path', 'line', 'reviewer', 'author', 'categories', 'conventional_label', 'blocking', 'resolved', 'body',
] as const;

export function toCsv(s: Summary): string {
  const rows: string[][] = [];
  for (const e of s.engineers) {
    for (const r of e.items) {
      rows.push(
        [e.login, r.direction, r.date, r.createdAt, r.repo, r.prNumber, r.prTitle, r.prUrl, r.url, r.path, r.line, r.reviewer, r.author, r.categories.join(';'), r.conventionalLabel, r.blocking, r.resolved, r.body].map(cell),
      );
    }
  }
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', quoted_match: /[\r\n",]/ });
}

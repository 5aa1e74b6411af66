// JSON export: the Summary itself, checked against the schema it documents.
// Text is kept exactly; raw C1 and bidi control characters are written as
// \uXXXX escapes so that viewing the file cannot reorder or drive anything.
import { escapeJsonText } from '../safeText';
import { SummarySchema, type Summary } from './schema';

export function toJson(s: Summary): string {
  return escapeJsonText(JSON.stringify(SummarySchema.parse(s), null, 2)) + '\n';
}

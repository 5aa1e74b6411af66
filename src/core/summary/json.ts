// JSON export: the Summary itself, checked against the schema it documents.
import { SummarySchema, type Summary } from './schema';

export function toJson(s: Summary): string {
  return JSON.stringify(SummarySchema.parse(s), null, 2) + '\n';
}

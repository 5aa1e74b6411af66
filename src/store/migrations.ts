// Schema migrations, run on load on the whole journal (main file + feedback)
// before it is split into shards. Each step takes version n to n + 1 in place
// and keeps every field it does not know about.
import { CURRENT_SCHEMA_VERSION, type Tag } from '../core/model';

export type RawJournal = Record<string, unknown>;

type Step = (journal: RawJournal, now: string) => void;

const steps: Record<number, Step> = {
  1: v1ToV2,
};

/** Version 1 files carry no schemaVersion field in some early builds; anything without one is v1. */
export function versionOf(raw: RawJournal): number {
  const v = raw['schemaVersion'];
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/** Brings `raw` up to CURRENT_SCHEMA_VERSION in place; returns the version it started at. */
export function migrate(raw: RawJournal, now = new Date().toISOString()): number {
  const from = versionOf(raw);
  if (from > CURRENT_SCHEMA_VERSION) throw new Error(`cannot migrate down from version ${from}`);
  for (let v = from; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = steps[v];
    if (!step) throw new Error(`no migration from schema version ${v}`);
    step(raw, now);
    raw['schemaVersion'] = v + 1;
  }
  return from;
}

/**
 * v1: `feedback[id].tags` was a list of category ids, chosen by the journal's
 * owner, and there was no `entries` field. v2: tags are Tag objects.
 */
function v1ToV2(raw: RawJournal, now: string): void {
  const engineer = raw['engineer'] as { login?: unknown } | undefined;
  const by = typeof engineer?.login === 'string' ? engineer.login : 'unknown';
  const feedback = raw['feedback'];
  if (feedback && typeof feedback === 'object') {
    for (const item of Object.values(feedback as Record<string, Record<string, unknown>>)) {
      if (!item || typeof item !== 'object') continue;
      const tags = item['tags'];
      const at = typeof item['updatedAt'] === 'string' ? item['updatedAt'] : typeof item['createdAt'] === 'string' ? item['createdAt'] : now;
      item['tags'] = Array.isArray(tags)
        ? tags.map((t): unknown => (typeof t === 'string' ? ({ category: t, source: 'manual', at, by } satisfies Tag) : t))
        : [];
    }
  }
  if (!Array.isArray(raw['entries'])) raw['entries'] = [];
}

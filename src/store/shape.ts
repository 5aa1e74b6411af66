// The shape a journal file must have beyond "a JSON object". A file of valid
// JSON but the wrong shape (`"feedback": "nope"`) is damaged like one that
// does not parse: set aside by the next write and reported, never read as
// empty in silence. Checks stay shallow (types of the containers); single
// bad items are the reader's business (the journal panel isolates them).
import { CURRENT_SCHEMA_VERSION } from '../core/model';

type Rec = Record<string, unknown>;
export type ShapeCheck = (data: Rec) => string | undefined;

function isObject(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A map of feedback items: every value an object. */
function feedbackMapProblem(v: unknown, where: string): string | undefined {
  if (!isObject(v)) return `its "${where}" is not a map of comments`;
  for (const id in v) if (!isObject(v[id])) return `its "${where}" holds an entry (${JSON.stringify(id.slice(0, 40))}) that is not a comment`;
  return undefined;
}

export const shardShape: ShapeCheck = (d) => {
  if (!('feedback' in d)) return 'it has no "feedback" map';
  return feedbackMapProblem(d['feedback'], 'feedback');
};

export const mainShape: ShapeCheck = (d) => {
  const v = d['schemaVersion'];
  // A newer version is the newer code's business: it opens read-only, unjudged.
  if (typeof v === 'number' && v > CURRENT_SCHEMA_VERSION) return undefined;
  if ('engineer' in d && !isObject(d['engineer'])) return 'its "engineer" is not an object';
  if ('entries' in d && !(Array.isArray(d['entries']) && d['entries'].every(isObject))) return 'its "entries" is not a list of notes, goals and actions';
  if ('syncedUntil' in d && d['syncedUntil'] !== null && typeof d['syncedUntil'] !== 'string') return 'its "syncedUntil" is not a date';
  if ('shardCount' in d && !(Number.isInteger(d['shardCount']) && (d['shardCount'] as number) > 0)) return 'its "shardCount" is not a positive whole number';
  if ('feedback' in d) return feedbackMapProblem(d['feedback'], 'feedback');
  return undefined;
};

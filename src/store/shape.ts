// The shape a journal file must have beyond "a JSON object". A file of valid
// JSON but the wrong shape (`"feedback": "nope"`) is damaged like one that
// does not parse: set aside by the next write and reported, never read as
// empty in silence. Checks stay shallow (types of the containers); single
// bad items are the reader's business (the journal panel isolates them).
import * as l10n from '@vscode/l10n';
import { CURRENT_SCHEMA_VERSION } from '../core/model';

type Rec = Record<string, unknown>;
export type ShapeCheck = (data: Rec) => string | undefined;

function isObject(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A map of feedback items: every value an object. */
function feedbackMapProblem(v: unknown, where: string): string | undefined {
  if (!isObject(v)) return l10n.t('its "{0}" is not a map of comments', where);
  for (const id in v) if (!isObject(v[id])) return l10n.t('its "{0}" holds an entry ({1}) that is not a comment', where, JSON.stringify(id.slice(0, 40)));
  return undefined;
}

export const shardShape: ShapeCheck = (d) => {
  if (!('feedback' in d)) return l10n.t('it has no "feedback" map');
  return feedbackMapProblem(d['feedback'], 'feedback');
};

export const mainShape: ShapeCheck = (d) => {
  const v = d['schemaVersion'];
  // A newer version is the newer code's business: it opens read-only, unjudged.
  if (typeof v === 'number' && v > CURRENT_SCHEMA_VERSION) return undefined;
  if ('engineer' in d && !isObject(d['engineer'])) return l10n.t('its "engineer" is not an object');
  if ('entries' in d && !(Array.isArray(d['entries']) && d['entries'].every(isObject))) return l10n.t('its "entries" is not a list of notes, goals and actions');
  if ('syncedUntil' in d && d['syncedUntil'] !== null && typeof d['syncedUntil'] !== 'string') return l10n.t('its "syncedUntil" is not a date');
  if ('shardCount' in d && !(Number.isInteger(d['shardCount']) && (d['shardCount'] as number) > 0)) return l10n.t('its "shardCount" is not a positive whole number');
  if ('feedback' in d) return feedbackMapProblem(d['feedback'], 'feedback');
  return undefined;
};

// Calendar days in an IANA time zone without a date library: Intl gives the
// wall-clock fields of an instant, and from those the zone's offset. Offsets
// are cached per UTC day, because formatting with Intl is the slow part and a
// 20,000-item tree must stay fast.
import * as l10n from '@vscode/l10n';

const formatters = new Map<string, Intl.DateTimeFormat>();
const DAY = 86_400_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws RangeError for a name Intl does not know. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

function isUtc(timeZone: string): boolean {
  return timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'GMT';
}

const offsetCache = new Map<string, Map<number, number>>();

function exactOffset(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** Milliseconds to add to a UTC instant to get the wall clock in `timeZone`. */
export function zoneOffset(ms: number, timeZone: string): number {
  if (isUtc(timeZone)) return 0;
  let cache = offsetCache.get(timeZone);
  if (!cache) offsetCache.set(timeZone, (cache = new Map()));
  const day = Math.floor(ms / DAY);
  let entry = cache.get(day);
  if (entry === undefined) {
    const a = exactOffset(day * DAY, timeZone);
    const b = exactOffset((day + 1) * DAY, timeZone);
    // NaN marks a day with a transition: those instants are computed exactly.
    entry = a === b ? a : NaN;
    cache.set(day, entry);
  }
  return Number.isNaN(entry) ? exactOffset(ms, timeZone) : entry;
}

/** "yyyy-mm-dd" of the instant's calendar day in `timeZone`. */
export function zonedDate(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffset(ms, timeZone)).toISOString().slice(0, 10);
}

/** "yyyy-mm" of the instant's month in `timeZone`. */
export function zonedMonth(ms: number, timeZone: string): string {
  return zonedDate(ms, timeZone).slice(0, 7);
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The instant local midnight starts `ymd` in `timeZone` (the first instant of that day). */
export function startOfZonedDay(ymd: string, timeZone: string): number {
  if (!DATE_PATTERN.test(ymd)) throw new RangeError(l10n.t('Not a date (yyyy-mm-dd): {0}', ymd));
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== ymd) throw new RangeError(l10n.t('Not a calendar date: {0}', ymd));
  // Guess with the offset near that wall time, then correct once: enough for
  // every real zone, including days that start at 01:00 after a DST jump.
  let ms = wall - zoneOffset(wall, timeZone);
  ms = wall - zoneOffset(ms, timeZone);
  if (zonedDate(ms, timeZone) !== ymd) ms += 3_600_000;
  return ms;
}

/** `ymd` plus `days` calendar days. */
export function addDaysToDate(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (both yyyy-mm-dd). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

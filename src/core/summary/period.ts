// The summary's period and the one before it. A period is the half-open
// interval [from, to): a comment made exactly at `from` is in it, one made
// exactly at `to` belongs to the next period, so adjacent periods never
// count a comment twice or lose one.
import * as l10n from '@vscode/l10n';
import { addDaysToDate, assertTimeZone, daysBetween, startOfZonedDay, zonedDate, DATE_PATTERN } from '../browse/zone';

export interface Interval {
  from: number;
  to: number;
  firstDay: string;
  lastDay: string;
  /** Calendar days when both ends are local midnights, else the length in days (may be fractional). */
  days: number;
}

export interface Periods {
  current: Interval;
  previous: Interval;
}

/** A Date is an instant; "yyyy-mm-dd" is the start of that day in `timeZone`; other strings are parsed as ISO instants. */
export type DateInput = Date | string;

export function toInstant(input: DateInput, timeZone: string): number {
  if (input instanceof Date) {
    const t = input.getTime();
    if (Number.isNaN(t)) throw new RangeError(l10n.t('Invalid date'));
    return t;
  }
  if (DATE_PATTERN.test(input)) return startOfZonedDay(input, timeZone);
  const t = Date.parse(input);
  if (Number.isNaN(t)) throw new RangeError(l10n.t('Not a date: {0}', input));
  return t;
}

const DAY = 86_400_000;

/**
 * The period [from, to) and the previous one of the same length, ending where
 * this one starts. When both ends fall on midnight in `timeZone` the length is
 * counted in calendar days, so a DST change inside does not shift the
 * previous period by an hour.
 */
export function resolvePeriods(fromInput: DateInput, toInput: DateInput, timeZone = 'UTC'): Periods {
  assertTimeZone(timeZone);
  const from = toInstant(fromInput, timeZone);
  const to = toInstant(toInput, timeZone);
  if (!(from < to)) throw new RangeError(l10n.t('The period must end after it starts.'));
  const firstDay = zonedDate(from, timeZone);
  const endDay = zonedDate(to, timeZone);
  const aligned = startOfZonedDay(firstDay, timeZone) === from && startOfZonedDay(endDay, timeZone) === to;
  if (aligned) {
    const days = daysBetween(firstDay, endDay);
    const prevFirst = addDaysToDate(firstDay, -days);
    const prevFrom = startOfZonedDay(prevFirst, timeZone);
    return {
      current: { from, to, firstDay, lastDay: addDaysToDate(endDay, -1), days },
      previous: { from: prevFrom, to: from, firstDay: prevFirst, lastDay: addDaysToDate(firstDay, -1), days },
    };
  }
  const length = to - from;
  const prevFrom = from - length;
  const days = length / DAY;
  return {
    current: { from, to, firstDay, lastDay: zonedDate(to - 1, timeZone), days },
    previous: { from: prevFrom, to: from, firstDay: zonedDate(prevFrom, timeZone), lastDay: zonedDate(from - 1, timeZone), days },
  };
}

export function inInterval(t: number, i: { from: number; to: number }): boolean {
  return t >= i.from && t < i.to;
}

/** The periods offered by the editor's export; the journal panel uses the same days. */
export type PresetPeriod = 'last14' | 'last30' | 'last90' | 'quarter';

/**
 * Whole days in `timeZone`, the last one being today: the one period rule shared
 * by the editor's export, the CLI and the journal panel. `to` is inclusive.
 */
export function presetDays(id: PresetPeriod, now: number, timeZone: string): { from: string; to: string } {
  const today = zonedDate(now, timeZone);
  switch (id) {
    case 'last14':
      return { from: addDaysToDate(today, -13), to: today };
    case 'last30':
      return { from: addDaysToDate(today, -29), to: today };
    case 'last90':
      return { from: addDaysToDate(today, -89), to: today };
    case 'quarter': {
      const [y, m] = today.split('-').map(Number) as [number, number];
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: `${y}-${String(first).padStart(2, '0')}-01`, to: today };
    }
  }
}

/** The machine's IANA time zone: the default of both front ends. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

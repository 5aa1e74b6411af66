// Dates in the panels, in VS Code's display language: the host sends
// vscode.env.language in each snapshot (journal/didChange, mirror/didChange)
// and the page formats with Intl in that locale. A tag Intl rejects or does
// not know falls back to English, so a bad tag never blanks a date. Days are
// calendar days in UTC, as the host computes them.
const FALLBACK = 'en';

/** `tag` when Intl can format in it, else English. */
export function dateLocale(tag: string | undefined): string {
  if (!tag) return FALLBACK;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag])[0] ?? FALLBACK;
  } catch {
    return FALLBACK; // RangeError: not a well-formed language tag
  }
}

function formats(locale: string) {
  return {
    /** "Mar 2, 2026" / "2. März 2026" */
    date: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
    /** "Mar 2" / "2. März": a week on the chart's axis. */
    day: new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }),
    /** "Mar 2026" / "März 2026": a month on the chart's axis. */
    month: new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  };
}

let current = { locale: FALLBACK, ...formats(FALLBACK) };

/** Formats dates in `tag` (vscode.env.language) from now on; returns the locale used. */
export function setDateLanguage(tag: string | undefined): string {
  const locale = dateLocale(tag);
  if (locale !== current.locale) current = { locale, ...formats(locale) };
  return locale;
}

export const formatDate = (d: Date): string => current.date.format(d);
export const formatDay = (d: Date): string => current.day.format(d);
export const formatMonth = (d: Date): string => current.month.format(d);

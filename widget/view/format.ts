/**
 * Numbers, countdowns, durations and dates through `Intl`, in the reader's language: Marathi gets
 * Devanagari digits and Bengali and Assamese Bengali digits, as CLDR has it, and the rest Latin.
 */

/** A whole number in the reader's digits, without grouping (a year, a dose, a count). */
export function formatNumber(value: number, lang: string, minimumIntegerDigits = 1): string {
  return new Intl.NumberFormat(lang, { useGrouping: false, minimumIntegerDigits }).format(value);
}

/** `m:ss`, the way a countdown is read at a glance. */
export function formatClock(totalSeconds: number, lang = 'en'): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  return `${formatNumber(Math.floor(seconds / 60), lang)}:${formatNumber(seconds % 60, lang, 2)}`;
}

/** A time left the way it is said: whole minutes from one minute up, else seconds ("3 minutes", "30 seconds"). */
export function formatDuration(totalSeconds: number, lang: string): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const [value, unit] = seconds >= 60 ? [Math.round(seconds / 60), 'minute'] : [seconds, 'second'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** A `YYYY-MM-DD` date in the reader's language; the date as given when it is not one. */
export function formatDate(iso: string, lang: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  try {
    // UTC on both sides, so that the date never shifts by a day with the reader's time zone.
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
  } catch {
    return iso;
  }
}

import { intlLocale } from '../i18n';

/**
 * Numbers, countdowns and dates in the reader's language, always in Latin digits (`-u-nu-latn`):
 * the SMS, the OTP being typed and the mobile are in Latin digits, and one screen shows one digit
 * system (docs/i18n.md, "Digits"). Durations said in a sentence are `sayDuration`'s, in each
 * table's own words.
 */

/** A whole number without grouping (a year, a count), in Latin digits. */
export function formatNumber(value: number, lang: string, minimumIntegerDigits = 1): string {
  return new Intl.NumberFormat(intlLocale(lang), { useGrouping: false, minimumIntegerDigits }).format(value);
}

/** `m:ss`, the way a countdown is read at a glance; a clock, never put where a duration is said. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A `YYYY-MM-DD` date in the reader's language, Latin digits; the date as given when it is not one. */
export function formatDate(iso: string, lang: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  try {
    // UTC on both sides, so that the date never shifts by a day with the reader's time zone.
    return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(
      Date.UTC(y, m - 1, d),
    );
  } catch {
    return iso;
  }
}

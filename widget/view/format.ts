import { intlLocale } from '../i18n';

/**
 * Numbers and countdowns in the reader's language, always in Latin digits (`-u-nu-latn`):
 * the SMS, the OTP being typed and the mobile are in Latin digits, and one screen shows one digit
 * system (docs/i18n.md, "Digits"). Durations said in a sentence are `sayDuration`'s, in each
 * table's own words; dates are `formatDay`'s (widget/i18n/date.ts).
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

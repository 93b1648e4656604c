import { intlLocale } from './intl-locale';
import type { Translate } from './translate';

/** A calendar day; `month` 1–12. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** Month parts that are not a month's name: `M12` (CLDR's placeholder when it has no names), or digits. */
const NOT_A_NAME = /^(M?\d+)$/;

/**
 * A day in the reader's language with the month's name, in Latin digits (`5 दिसंबर 2026`,
 * `December 5, 2026`; docs/i18n.md, "Dates"). `Intl` where the browser has the language's data;
 * where it does not (Chromium ships without Assamese and Odia dates, which it then writes in
 * English, and with Punjabi ones that read `2026 M12 5`), the table's own month names and order
 * (`date.months`, `date.day`).
 */
export function formatDay(
  { year, month, day }: Day,
  lang: string,
  t: Translate,
  DateTimeFormat: typeof Intl.DateTimeFormat = Intl.DateTimeFormat,
): string {
  const fromTable = () => t('date.day', { day, month: t('date.months').split('|')[month - 1] ?? String(month), year });
  try {
    // UTC on both sides, so that the day never shifts with the reader's time zone.
    const formatter = new DateTimeFormat(intlLocale(lang), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const parts = formatter.formatToParts(Date.UTC(year, month - 1, day));
    const monthName = parts.find((p) => p.type === 'month')?.value ?? '';
    const ownData = formatter.resolvedOptions().locale.split('-')[0] === lang;
    return ownData && !NOT_A_NAME.test(monthName) ? parts.map((p) => p.value).join('') : fromTable();
  } catch {
    return fromTable();
  }
}

/** A `YYYY-MM-DD` date (CoWIN's dose dates) as `formatDay` writes it; the text as given when it is not one. */
export function formatIsoDate(iso: string, lang: string, t: Translate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return formatDay({ year, month, day }, lang, t);
}

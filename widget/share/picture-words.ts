import { intlLocale, type Language, type Translate } from '../i18n';
import type { KycvsResult } from '../../contract';
import type { PictureWords } from './picture-layout';
import { shortName } from './short-name';

/** A day in the reader's language, in Latin digits like the rest of the widget (`27 नवंबर 2025`, `27 নভেম্বর, 2025`). */
function formatDay(date: Date, lang: Language): string {
  try {
    return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/**
 * The picture's words for a result: the status, the first name only where the provider's scope
 * gave the beneficiary (never otherwise), and "Checked with CoWIN on {date}": a picture anyone can make is a record of a check, never proof
 * ("verified"), which only the status token is (docs/server.md).
 */
export function pictureWords(result: KycvsResult, t: Translate, lang: Language, now: Date): PictureWords {
  return {
    status: result.status,
    heading: t('result.heading'),
    statusText: t(`status.${result.status}`),
    name: result.beneficiary ? shortName(result.beneficiary.name) : undefined,
    checkedWith: t('share.checkedWith', { date: formatDay(now, lang) }),
  };
}

import type { Language, Translate } from '../i18n';
import type { KycvsResult } from '../../contract';
import type { PictureWords } from './picture-layout';
import { shortName } from './short-name';

/** A day in the reader's language and numerals (`27 नवंबर 2025`, `২৭ নভেম্বর, ২০২৫`). */
function formatDay(date: Date, lang: Language): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/**
 * The picture's words for a result: the status, the first name only where the provider's scope
 * gave the beneficiary (never otherwise), the day of the check, and "Verified via CoWIN".
 */
export function pictureWords(result: KycvsResult, t: Translate, lang: Language, now: Date): PictureWords {
  return {
    status: result.status,
    heading: t('result.heading'),
    statusText: t(`status.${result.status}`),
    name: result.beneficiary ? shortName(result.beneficiary.name) : undefined,
    checkedOn: t('share.checkedOn', { date: formatDay(now, lang) }),
    verifiedVia: t('share.verifiedVia'),
  };
}

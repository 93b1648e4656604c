import { formatDay, type Language, type Translate } from '../i18n';
import type { KycvsResult } from '../../contract';
import type { PictureWords } from './picture-layout';
import { shortName } from './short-name';

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
    // The reader's own calendar day (`now` in their time zone), as they would say it.
    checkedWith: t('share.checkedWith', {
      date: formatDay({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() }, lang, t),
    }),
  };
}

import type { Translate } from '../i18n';
import type { Vaccination } from '../../contract';
import { formatDate, formatNumber } from './format';

/** The doses, in order: which dose, which vaccine, on which day. */
export function DoseList({ doses, t, lang }: { doses: readonly Vaccination[]; t: Translate; lang: string }) {
  return (
    <>
      <h2>{t('result.doses')}</h2>
      <ol class="doses">
        {doses.map((dose) => (
          <li key={`${dose.dose}-${dose.date}`}>
            <strong>
              {dose.precaution ? t('result.precaution') : t('result.dose', { dose: formatNumber(dose.dose, lang) })}
            </strong>
            <span>{dose.vaccine}</span>
            <time dateTime={dose.date}>{formatDate(dose.date, lang)}</time>
          </li>
        ))}
      </ol>
    </>
  );
}

import { formatIsoDate, type Translate } from '../i18n';
import type { Vaccination } from '../../contract';

/** The doses, in order: which dose (an ordinal, "2nd dose"), which vaccine, on which day. */
export function DoseList({ doses, t, lang }: { doses: readonly Vaccination[]; t: Translate; lang: string }) {
  return (
    <>
      <h2>{t('result.doses')}</h2>
      <ol class="doses">
        {doses.map((dose) => (
          <li key={`${dose.dose}-${dose.date}`}>
            <strong>{dose.precaution ? t('result.precaution') : t('result.dose', { count: dose.dose })}</strong>
            <span>{dose.vaccine}</span>
            <time dateTime={dose.date}>{formatIsoDate(dose.date, lang, t)}</time>
          </li>
        ))}
      </ol>
    </>
  );
}

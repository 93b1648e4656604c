import type { Beneficiary, KycvsResult, Vaccination, VaccinationStatus } from '../../../contract';
import type { CowinBeneficiary, StatusAnswer } from '../cowin/schemas';
import { hasScope, type Provider } from '../registry';

const statusByCode: Record<0 | 1 | 2, VaccinationStatus> = {
  0: 'NOT_VACCINATED',
  1: 'PARTIALLY_VACCINATED',
  2: 'FULLY_VACCINATED',
};

export function statusFromCowin(code: 0 | 1 | 2): VaccinationStatus {
  return statusByCode[code];
}

/** CoWIN's `DD-MM-YYYY` to ISO `YYYY-MM-DD`; anything else is treated as absent. */
export function isoDate(cowinDate: string | undefined): string | undefined {
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(cowinDate ?? '');
  return match ? `${match[3]}-${match[2]}-${match[1]}` : undefined;
}

export function vaccinationsFrom(b: CowinBeneficiary): Vaccination[] {
  const doses: Vaccination[] = [];
  [b.dose1_date, b.dose2_date, b.dose3_date].forEach((raw, index) => {
    const date = isoDate(raw);
    if (date && b.vaccine) doses.push({ vaccine: b.vaccine, dose: index + 1, date });
  });
  const precaution = isoDate(b.precaution_dose_date);
  const precautionVaccine = b.precaution_vaccine || b.vaccine;
  if (precaution && precautionVaccine) {
    doses.push({ vaccine: precautionVaccine, dose: doses.length + 1, date: precaution, precaution: true });
  }
  return doses;
}

/** The person as the widget shows them; undefined when CoWIN gave no name (the status alone). */
export function beneficiaryFrom(b: CowinBeneficiary): Beneficiary | undefined {
  if (!b.name) return undefined;
  const birthYear = Number(b.birth_year);
  return {
    name: b.name,
    ...(Number.isInteger(birthYear) && birthYear > 1900 ? { birth_year: birthYear } : {}),
    ...(b.gender ? { gender: b.gender } : {}),
    ...(b.beneficiary_reference_id ? { beneficiary_reference_id: b.beneficiary_reference_id } : {}),
  };
}

/**
 * The answer a provider gets: the status and token always; details only where its scope allows
 * them and as CoWIN provides them. Public sources show only `vaccination_status`: an answer without
 * `beneficiary` gives the status alone, whatever the scope (docs/cowin.md).
 */
export function resultFor(provider: Provider, answer: StatusAnswer, token: string): KycvsResult {
  const person = answer.beneficiary ? beneficiaryFrom(answer.beneficiary) : undefined;
  return {
    status: statusFromCowin(answer.vaccination_status),
    token,
    ...(person && hasScope(provider, 'demographics') ? { beneficiary: person } : {}),
    ...(answer.beneficiary && hasScope(provider, 'vaccinations')
      ? { vaccinations: vaccinationsFrom(answer.beneficiary) }
      : {}),
  };
}

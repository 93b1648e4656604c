import { vaccinationStatus } from './course';
import type { FixtureBeneficiary } from './fixtures';

/** CoWIN v2 wrote dates as DD-MM-YYYY and absent ones as ''; v3 clients expect the same. */
function cowinDate(iso: string | undefined): string {
  if (!iso) return '';
  const [year, month, day] = iso.split('-');
  return `${day}-${month}-${year}`;
}

/** The body of `GET /v3/vaccination/status` for one person, and nothing about anyone else. */
export function statusBody(person: FixtureBeneficiary) {
  const dates = person.primary?.dates ?? [];
  return {
    vaccination_status: vaccinationStatus(person.primary),
    beneficiary: {
      beneficiary_reference_id: person.referenceId,
      name: person.name,
      birth_year: person.birthYear,
      gender: person.gender,
      vaccine: person.primary?.vaccine ?? '',
      dose1_date: cowinDate(dates[0]),
      dose2_date: cowinDate(dates[1]),
      dose3_date: cowinDate(dates[2]),
      precaution_dose_date: cowinDate(person.precaution?.date),
      precaution_vaccine: person.precaution?.vaccine ?? '',
    },
  };
}

import type { MessageKey, Translate } from '../i18n';
import type { Beneficiary } from '../../contract';

const genderKeys: Record<string, MessageKey> = {
  male: 'gender.male',
  m: 'gender.male',
  female: 'gender.female',
  f: 'gender.female',
  other: 'gender.other',
  o: 'gender.other',
};

/** Who was verified, as far as the provider's scope allows. */
export function BeneficiaryDetails({ beneficiary, t }: { beneficiary: Beneficiary; t: Translate }) {
  const gender = beneficiary.gender;
  const genderKey = gender === undefined ? undefined : genderKeys[gender.toLowerCase()];
  const rows: [string, string | number | undefined][] = [
    [t('result.name'), beneficiary.name],
    [t('result.birthYear'), beneficiary.birth_year],
    [t('result.gender'), genderKey ? t(genderKey) : gender],
    [t('result.reference'), beneficiary.beneficiary_reference_id],
  ];
  return (
    <dl class="details">
      {rows.map(([label, value]) =>
        value === undefined || value === '' ? null : (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ),
      )}
    </dl>
  );
}

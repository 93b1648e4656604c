import { expect, test } from 'vitest';
import type { CowinBeneficiary, StatusAnswer } from '../cowin/schemas';
import { createRegistry } from '../registry';
import { beneficiaryFrom, isoDate, resultFor, statusFromCowin, vaccinationsFrom } from './result';

/** CoWIN's v2 record: DD-MM-YYYY dates, '' when absent. */
const record = (fields: Partial<CowinBeneficiary>): CowinBeneficiary => ({
  beneficiary_reference_id: '82013745638210',
  name: 'Asha Verma',
  birth_year: '1986',
  gender: 'Female',
  vaccine: '',
  dose1_date: '',
  dose2_date: '',
  dose3_date: '',
  precaution_dose_date: '',
  precaution_vaccine: '',
  ...fields,
});

// A scope beyond `status` needs a secret (registry/providers.ts).
const secret = 'a-provider-secret-0123';
const registry = createRegistry([
  { id: 'status-only', name: 'Status Only', allowed_origins: ['https://a.example'], scope: ['status'] },
  {
    id: 'with-demo',
    name: 'Demographics',
    allowed_origins: ['https://b.example'],
    scope: ['status', 'demographics'],
    secret,
  },
  {
    id: 'with-vacc',
    name: 'Vaccinations',
    allowed_origins: ['https://c.example'],
    scope: ['status', 'vaccinations'],
    secret,
  },
  {
    id: 'everything',
    name: 'Everything',
    allowed_origins: ['https://d.example'],
    scope: ['status', 'demographics', 'vaccinations'],
    secret,
  },
]);
const provider = (id: string) => registry.get(id)!;

const asha: StatusAnswer = {
  vaccination_status: 2,
  beneficiary: record({ vaccine: 'COVISHIELD', dose1_date: '14-05-2021', dose2_date: '20-08-2021' }),
};

test.each([
  { code: 0, status: 'NOT_VACCINATED' },
  { code: 1, status: 'PARTIALLY_VACCINATED' },
  { code: 2, status: 'FULLY_VACCINATED' },
] as const)('statusFromCowin($code) is $status', ({ code, status }) => {
  expect(statusFromCowin(code)).toBe(status);
});

test.each([
  { input: '14-05-2021', output: '2021-05-14' },
  { input: '01-12-2022', output: '2022-12-01' },
  { input: '', output: undefined },
  { input: undefined, output: undefined },
  { input: '2021-05-14', output: undefined },
  { input: '14/05/2021', output: undefined },
  { input: '4-5-2021', output: undefined },
  { input: '14-05-2021 10:00', output: undefined },
])('isoDate($input) is $output', ({ input, output }) => {
  expect(isoDate(input)).toBe(output);
});

test('vaccinationsFrom lists nothing for an unvaccinated person', () => {
  expect(vaccinationsFrom(record({}))).toEqual([]);
});

test('vaccinationsFrom lists each primary dose with ISO dates', () => {
  expect(vaccinationsFrom(asha.beneficiary!)).toEqual([
    { vaccine: 'COVISHIELD', dose: 1, date: '2021-05-14' },
    { vaccine: 'COVISHIELD', dose: 2, date: '2021-08-20' },
  ]);
});

test("vaccinationsFrom includes ZyCoV-D's third primary dose", () => {
  const farhan = record({
    vaccine: 'ZyCoV-D',
    dose1_date: '01-01-2022',
    dose2_date: '29-01-2022',
    dose3_date: '26-02-2022',
  });
  expect(vaccinationsFrom(farhan)).toEqual([
    { vaccine: 'ZyCoV-D', dose: 1, date: '2022-01-01' },
    { vaccine: 'ZyCoV-D', dose: 2, date: '2022-01-29' },
    { vaccine: 'ZyCoV-D', dose: 3, date: '2022-02-26' },
  ]);
});

test('vaccinationsFrom marks the precaution dose and numbers it after the primary doses', () => {
  const suresh = record({
    vaccine: 'COVISHIELD',
    dose1_date: '10-03-2021',
    dose2_date: '05-06-2021',
    precaution_dose_date: '15-04-2022',
    precaution_vaccine: 'COVAXIN',
  });
  expect(vaccinationsFrom(suresh)).toEqual([
    { vaccine: 'COVISHIELD', dose: 1, date: '2021-03-10' },
    { vaccine: 'COVISHIELD', dose: 2, date: '2021-06-05' },
    { vaccine: 'COVAXIN', dose: 3, date: '2022-04-15', precaution: true },
  ]);
});

test('vaccinationsFrom names the primary vaccine for a precaution dose of unnamed vaccine', () => {
  const b = record({
    vaccine: 'COVISHIELD',
    dose1_date: '10-03-2021',
    dose2_date: '05-06-2021',
    precaution_dose_date: '15-04-2022',
  });
  expect(vaccinationsFrom(b).at(-1)).toEqual({ vaccine: 'COVISHIELD', dose: 3, date: '2022-04-15', precaution: true });
});

test('vaccinationsFrom skips a dose whose date is not a CoWIN date', () => {
  const b = record({ vaccine: 'COVAXIN', dose1_date: '02-06-2021', dose2_date: 'pending' });
  expect(vaccinationsFrom(b)).toEqual([{ vaccine: 'COVAXIN', dose: 1, date: '2021-06-02' }]);
});

test('beneficiaryFrom keeps name, birth year as a number, gender and reference id', () => {
  expect(beneficiaryFrom(asha.beneficiary!)).toEqual({
    name: 'Asha Verma',
    birth_year: 1986,
    gender: 'Female',
    beneficiary_reference_id: '82013745638210',
  });
});

test('beneficiaryFrom leaves out what CoWIN left empty', () => {
  expect(beneficiaryFrom(record({ birth_year: '', gender: '', beneficiary_reference_id: '' }))).toEqual({
    name: 'Asha Verma',
  });
});

test.each([
  { id: 'status-only', beneficiary: false, vaccinations: false },
  { id: 'with-demo', beneficiary: true, vaccinations: false },
  { id: 'with-vacc', beneficiary: false, vaccinations: true },
  { id: 'everything', beneficiary: true, vaccinations: true },
])('resultFor($id) gives what its scope allows', ({ id, beneficiary, vaccinations }) => {
  const result = resultFor(provider(id), asha, 'tok');
  expect(result.status).toBe('FULLY_VACCINATED');
  expect(result.token).toBe('tok');
  expect('beneficiary' in result).toBe(beneficiary);
  expect('vaccinations' in result).toBe(vaccinations);
});

test('a status-only provider gets exactly status and token, and no personal data', () => {
  const result = resultFor(provider('status-only'), asha, 'tok');
  expect(Object.keys(result).sort()).toEqual(['status', 'token']);
  const text = JSON.stringify(result);
  for (const personal of ['Asha', '82013745638210', '1986', 'COVISHIELD', '2021']) expect(text).not.toContain(personal);
});

test('a full-scope provider gets the beneficiary and the doses', () => {
  expect(resultFor(provider('everything'), asha, 'tok')).toEqual({
    status: 'FULLY_VACCINATED',
    token: 'tok',
    beneficiary: beneficiaryFrom(asha.beneficiary!),
    vaccinations: vaccinationsFrom(asha.beneficiary!),
  });
});

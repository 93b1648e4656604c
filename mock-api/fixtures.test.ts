import { decodeJwt } from 'jose';
import { expect, test } from 'vitest';
import { fixtureBeneficiaries } from './index';
import { useCowinMock } from './test-kit';

const { api, mock } = useCowinMock();

/** What the README promises for each person, written out here rather than derived from fixtures.ts. */
const people = [
  { name: 'Asha Verma', mobile: '9876543210', status: 2, vaccine: 'COVISHIELD', doses: 2, precaution: false },
  { name: 'Ravi Kumar', mobile: '9123456780', status: 1, vaccine: 'COVAXIN', doses: 1, precaution: false },
  { name: 'Meena Iyer', mobile: '9988776655', status: 0, vaccine: '', doses: 0, precaution: false },
  { name: 'Suresh Patil', mobile: '9000000001', status: 2, vaccine: 'COVISHIELD', doses: 2, precaution: true },
  { name: 'Kavita Patil', mobile: '9000000001', status: 1, vaccine: 'COVISHIELD', doses: 1, precaution: false },
  { name: 'सुनीता देवी', mobile: '9012345678', status: 2, vaccine: 'Janssen', doses: 1, precaution: false },
  { name: 'Farhan Ali', mobile: '9811122233', status: 1, vaccine: 'ZyCoV-D', doses: 2, precaution: false },
] as const;

const ddmmyyyy = /^\d{2}-\d{2}-(2021|2022)$/;

test.each(people)('verifies $name end to end with status $status', async (person) => {
  const txnId = await api.txn(person.mobile, person.name);
  const sms = mock.outbox.list(person.mobile);
  expect(sms).toHaveLength(1);
  const confirmed = await api.confirm(txnId, api.lastOtp(person.mobile));
  expect(confirmed.status).toBe(200);
  const token = String(confirmed.body['token']);

  const answer = await api.status(token);
  expect(answer.status).toBe(200);
  expect(answer.body['vaccination_status']).toBe(person.status);
  const record = answer.body['beneficiary'] as Record<string, string>;
  expect(record['name']).toBe(person.name);
  expect(record['vaccine']).toBe(person.vaccine);
  expect(record['beneficiary_reference_id']).toMatch(/^\d{14}$/);
  expect(record['birth_year']).toMatch(/^(19|20)\d{2}$/);
  expect(['Male', 'Female', 'Others']).toContain(record['gender']);
  const doses = ['dose1_date', 'dose2_date', 'dose3_date'].map((field) => record[field]);
  expect(doses.filter((d) => d !== '')).toHaveLength(person.doses);
  for (const date of doses.filter((d) => d !== '')) expect(date).toMatch(ddmmyyyy);
  if (person.precaution) {
    expect(record['precaution_dose_date']).toMatch(ddmmyyyy);
    expect(record['precaution_vaccine']).not.toBe('');
  } else {
    expect(record['precaution_dose_date']).toBe('');
    expect(record['precaution_vaccine']).toBe('');
  }
});

test('answers the exact CoWIN-v2-like record for Asha Verma', async () => {
  const answer = await api.status(await api.login('9876543210', 'Asha Verma'));
  expect(answer.body).toEqual({
    vaccination_status: 2,
    beneficiary: {
      beneficiary_reference_id: '82013745638210',
      name: 'Asha Verma',
      birth_year: '1986',
      gender: 'Female',
      vaccine: 'COVISHIELD',
      dose1_date: '14-05-2021',
      dose2_date: '20-08-2021',
      dose3_date: '',
      precaution_dose_date: '',
      precaution_vaccine: '',
    },
  });
});

test('holds every person of the design table with unique reference ids and keys', () => {
  for (const person of people) {
    expect(fixtureBeneficiaries.some((b) => b.name === person.name && b.mobile === person.mobile)).toBe(true);
  }
  const ids = fixtureBeneficiaries.map((b) => b.referenceId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(fixtureBeneficiaries.map((b) => b.key)).size).toBe(fixtureBeneficiaries.length);
});

test('picks the person the name names on a shared mobile and reveals nothing of the other', async () => {
  const suresh = await api.status(await api.login('9000000001', 'Suresh Patil'));
  const kavita = await api.status(await api.login('9000000001', 'Kavita Patil'));
  expect(suresh.body['vaccination_status']).toBe(2);
  expect(kavita.body['vaccination_status']).toBe(1);
  expect(JSON.stringify(suresh.body)).not.toMatch(/Kavita|47120398561377|1968/);
  expect(JSON.stringify(kavita.body)).not.toMatch(/Suresh|47120398561204|1964/);
});

test('matches names after normalisation: honorific, case and extra spaces', async () => {
  const answer = await api.status(await api.login('9000000001', 'smt. kavita  patil'));
  expect((answer.body['beneficiary'] as Record<string, string>)['name']).toBe('Kavita Patil');
});

test('matches a Devanagari name after a Devanagari honorific', async () => {
  const answer = await api.status(await api.login('9012345678', ' श्रीमती  सुनीता देवी '));
  expect(answer.body['vaccination_status']).toBe(2);
});

test('puts an internal key in the token, never the mobile or the name', async () => {
  const token = await api.login('9876543210', 'Asha Verma');
  const claims = decodeJwt(token);
  expect(claims.sub).toBe('ben-01');
  expect(JSON.stringify(claims)).not.toMatch(/9876543210|Asha/);
});

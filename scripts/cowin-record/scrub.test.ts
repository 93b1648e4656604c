import { expect, test } from 'vitest';
import { scrubBody } from './scrub';

test('a JSON body keeps its shape, codes and messages, and loses every personal value', () => {
  const body = JSON.stringify({
    vaccination_status: 2,
    beneficiary: {
      name: 'Asha Verma',
      beneficiary_reference_id: '82013745638210',
      birth_year: '1986',
      vaccine: 'COVISHIELD',
      dose1_date: '14-05-2021',
    },
    txnId: 'f3b7c9e2-1234-4abc-8def-000000000001',
    token: 'eyJhbGciOi.eyJzdWIiOiJ.sig',
  });
  const scrubbed = JSON.parse(scrubBody(body)) as Record<string, Record<string, unknown>>;
  expect(scrubbed['vaccination_status']).toBe(2);
  expect(scrubbed['beneficiary']).toEqual({
    name: 'xxxx xxxxx',
    beneficiary_reference_id: '00000000000000',
    birth_year: '0000',
    vaccine: 'COVISHIELD',
    dose1_date: '00-00-0000',
  });
  expect(scrubBody(body)).not.toMatch(/Asha|82013745638210|1986|f3b7c9e2|eyJ/);
  expect(JSON.parse(scrubBody('{"errorCode":"USRAUT0014","error":"Invalid OTP"}'))).toEqual({
    errorCode: 'USRAUT0014',
    error: 'Invalid OTP',
  });
});

test('text and HTML keep their words and lose numbers, addresses and tokens', () => {
  expect(scrubBody('OTP Already Sent')).toBe('OTP Already Sent');
  const page = '<H1>Access Denied</H1> from 203.0.113.9, ref 18.2f4e.1700000000.9876543210 eyJa.eyJb.c';
  const scrubbed = scrubBody(page);
  expect(scrubbed).toContain('Access Denied');
  expect(scrubbed).not.toMatch(/203\.0\.113\.9|9876543210|1700000000|eyJa/);
});

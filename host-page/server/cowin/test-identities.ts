import { createHash, randomBytes } from 'node:crypto';
import type { CowinClient, CowinResult } from './client';
import type { StatusAnswer } from './schemas';

/** The one OTP a test provider takes (docs/test-identities.md). */
export const TEST_OTP = '000000';

/** As long as CoWIN's OTP lives (docs/cowin.md): the service then says OTP_EXPIRED by its own clock. */
const OTP_LIFE_MS = 180_000;

/**
 * The test identities, by mobile (docs/test-identities.md): made-up people with clearly made-up
 * names, whose answers never change, so that a provider's CI can expect them. 9999999904 stands
 * for a CoWIN fault. Dates as CoWIN writes them (DD-MM-YYYY).
 */
export const TEST_IDENTITIES: Readonly<Record<string, StatusAnswer | 'cowin-fault'>> = {
  '9999999901': {
    vaccination_status: 2,
    beneficiary: {
      beneficiary_reference_id: '99999999990001',
      name: 'Test Person Fully',
      birth_year: '1990',
      gender: 'Female',
      vaccine: 'COVISHIELD',
      dose1_date: '15-05-2021',
      dose2_date: '10-08-2021',
    },
  },
  '9999999902': {
    vaccination_status: 1,
    beneficiary: {
      beneficiary_reference_id: '99999999990002',
      name: 'Test Person Partially',
      birth_year: '1985',
      gender: 'Male',
      vaccine: 'COVAXIN',
      dose1_date: '02-06-2021',
    },
  },
  '9999999903': {
    vaccination_status: 0,
    beneficiary: {
      beneficiary_reference_id: '99999999990003',
      name: 'Test Person Not Vaccinated',
      birth_year: '2000',
      gender: 'Female',
    },
  },
  '9999999904': 'cowin-fault',
};

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const TEST_OTP_HASH = sha256Hex(TEST_OTP);

/**
 * A transaction names its identity by the mobile's last two digits (never the whole mobile: the
 * session keeps the txnId unsealed), `none` for a mobile outside the table, and when it was sent
 * (ms, base 36); the token, by the same two digits. Nothing is remembered here: every host answers
 * any host's transaction alike, as the shared state requires.
 */
const txnPattern = /^test-(\d\d|none)-([0-9a-z]+)-[\w-]+$/;
const tokenPattern = /^test-identity-(\d\d)$/;
const identityOf = (digits: string | undefined) =>
  digits === undefined ? undefined : TEST_IDENTITIES[`99999999${digits}`];

/** CoWIN's answer to a wrong OTP, or to a mobile it does not know, in the shape the service reads. */
const rejected = <T>(call: 'confirmOtp' | 'status'): CowinResult<T> => ({
  ok: false,
  failure: { call, kind: 'rejected', status: 401, shape: 'json' },
});

/**
 * A test provider's CoWIN (docs/test-identities.md), chosen per provider by the verification
 * service: it never calls CoWIN, in mock or real mode, and no SMS goes out. The OTP is always
 * `000000`, any name will do, and the mobile decides the answer. Any other mobile behaves as an
 * unregistered one: the OTP step answers alike, and every OTP then fails as a wrong one. The
 * service's own rules (rate limits, the OTP's life, wrong tries, resends) apply as for CoWIN.
 */
export function createTestIdentities({ now = Date.now }: { now?: () => number } = {}): CowinClient {
  return {
    async generateOtp({ mobile }) {
      const identity = TEST_IDENTITIES[mobile];
      // As CoWIN's 5xx: the widget hears a retryable SERVER_ERROR (docs/cowin.md).
      if (identity === 'cowin-fault') {
        return {
          ok: false,
          failure: { call: 'generateOtp', kind: 'unavailable', reason: 'server', status: 500, shape: 'json' },
        };
      }
      const digits = identity === undefined ? 'none' : mobile.slice(-2);
      const sentAt = now().toString(36);
      return { ok: true, data: { txnId: `test-${digits}-${sentAt}-${randomBytes(12).toString('base64url')}` } };
    },

    async confirmOtp({ otpHash, txnId }) {
      const [, digits, sentAt] = txnPattern.exec(txnId) ?? [];
      const identity = identityOf(digits);
      const live = sentAt !== undefined && now() - parseInt(sentAt, 36) < OTP_LIFE_MS;
      if (identity === undefined || identity === 'cowin-fault' || !live || otpHash !== TEST_OTP_HASH) {
        return rejected('confirmOtp');
      }
      return { ok: true, data: { token: `test-identity-${digits}` } };
    },

    async status(token) {
      const identity = identityOf(tokenPattern.exec(token)?.[1]);
      return identity === undefined || identity === 'cowin-fault' ? rejected('status') : { ok: true, data: identity };
    },
  };
}

import type { PrimaryCourse, VaccineName } from './course';

/** A person CoWIN knows, modelled on CoWIN v2's beneficiary record. Status is not stored: see course.ts. */
export interface FixtureBeneficiary {
  /** Internal key; the mock's tokens carry it as `sub` so they never hold the mobile or name. */
  key: string;
  /** The name as registered (what the status answer shows). */
  name: string;
  mobile: string;
  birthYear: string;
  gender: 'Male' | 'Female' | 'Others';
  /** CoWIN's 14-digit beneficiary reference id. */
  referenceId: string;
  primary?: PrimaryCourse;
  precaution?: { vaccine: VaccineName; date: string };
}

/**
 * The people of the README's table, plus two more so every course length is exercised. Suresh and
 * Kavita share a mobile: the name picks one of them. Dates are ISO here; the API answers DD-MM-YYYY.
 */
export const fixtureBeneficiaries: readonly FixtureBeneficiary[] = [
  {
    key: 'ben-01',
    name: 'Asha Verma',
    mobile: '9876543210',
    birthYear: '1986',
    gender: 'Female',
    referenceId: '82013745638210',
    primary: { vaccine: 'COVISHIELD', dates: ['2021-05-14', '2021-08-20'] },
  },
  {
    key: 'ben-02',
    name: 'Ravi Kumar',
    mobile: '9123456780',
    birthYear: '1979',
    gender: 'Male',
    referenceId: '61428539027164',
    primary: { vaccine: 'COVAXIN', dates: ['2021-06-02'] },
  },
  {
    key: 'ben-03',
    name: 'Meena Iyer',
    mobile: '9988776655',
    birthYear: '1958',
    gender: 'Female',
    referenceId: '35790246813579',
  },
  {
    key: 'ben-04',
    name: 'Suresh Patil',
    mobile: '9000000001',
    birthYear: '1964',
    gender: 'Male',
    referenceId: '47120398561204',
    primary: { vaccine: 'COVISHIELD', dates: ['2021-03-10', '2021-06-05'] },
    precaution: { vaccine: 'COVISHIELD', date: '2022-04-18' },
  },
  {
    key: 'ben-05',
    name: 'Kavita Patil',
    mobile: '9000000001',
    birthYear: '1968',
    gender: 'Female',
    referenceId: '47120398561377',
    primary: { vaccine: 'COVISHIELD', dates: ['2022-01-12'] },
  },
  {
    key: 'ben-06',
    name: 'सुनीता देवी',
    mobile: '9012345678',
    birthYear: '1972',
    gender: 'Female',
    referenceId: '90817263544536',
    primary: { vaccine: 'Janssen', dates: ['2021-11-22'] },
  },
  {
    key: 'ben-07',
    name: 'Farhan Ali',
    mobile: '9811122233',
    birthYear: '1995',
    gender: 'Male',
    referenceId: '23456789012345',
    primary: { vaccine: 'ZyCoV-D', dates: ['2021-11-15', '2021-12-13'] },
  },
  {
    key: 'ben-08',
    name: 'Lakshmi Narayanan',
    mobile: '9445566778',
    birthYear: '2009',
    gender: 'Female',
    referenceId: '55102938475610',
    primary: { vaccine: 'CORBEVAX', dates: ['2022-03-21', '2022-04-20'] },
  },
  {
    key: 'ben-09',
    name: 'Gurpreet Kaur',
    mobile: '7009988776',
    birthYear: '1990',
    gender: 'Female',
    referenceId: '73619284051736',
    primary: { vaccine: 'SPUTNIK V', dates: ['2021-07-08'] },
  },
  // Two more for the end-to-end security tests, which need registered mobiles no other test uses:
  // a new OTP for a mobile replaces the last one, so tests running side by side must not share one.
  {
    key: 'ben-10',
    name: 'Anil Menon',
    mobile: '9388877766',
    birthYear: '1983',
    gender: 'Male',
    referenceId: '61829304756102',
    primary: { vaccine: 'COVAXIN', dates: ['2021-05-03', '2021-06-01'] },
  },
  {
    key: 'ben-11',
    name: 'Deepa Rao',
    mobile: '8123456789',
    birthYear: '1991',
    gender: 'Female',
    referenceId: '84736251908374',
  },
  // Reserved for the accessibility and language e2e tests (one result in English, one in Hindi).
  {
    key: 'ben-12',
    name: 'Rohan Das',
    mobile: '9700000011',
    birthYear: '1988',
    gender: 'Male',
    referenceId: '30918274650192',
    primary: { vaccine: 'COVISHIELD', dates: ['2021-06-11', '2021-09-03'] },
  },
  {
    key: 'ben-13',
    name: 'पूजा शर्मा',
    mobile: '9700000012',
    birthYear: '1993',
    gender: 'Female',
    referenceId: '47561029384756',
    primary: { vaccine: 'COVAXIN', dates: ['2021-08-19'] },
  },
  // Reserved for the share-picture, standalone-page and WebOTP e2e tests.
  {
    key: 'ben-14',
    name: 'Imran Khan',
    mobile: '9700000013',
    birthYear: '1976',
    gender: 'Male',
    referenceId: '58203947561038',
    primary: { vaccine: 'COVISHIELD', dates: ['2021-04-20', '2021-07-14'] },
    precaution: { vaccine: 'CORBEVAX', date: '2022-09-01' },
  },
  {
    key: 'ben-15',
    name: 'Neha Gupta',
    mobile: '9700000014',
    birthYear: '2001',
    gender: 'Female',
    referenceId: '69384756102938',
    primary: { vaccine: 'COVAXIN', dates: ['2021-10-02', '2021-11-01'] },
  },
  // Reserved for the keyboard-only e2e test, so that it runs beside the other accessibility tests.
  {
    key: 'ben-16',
    name: 'Arjun Nair',
    mobile: '9700000015',
    birthYear: '1985',
    gender: 'Male',
    referenceId: '72058361940217',
    primary: { vaccine: 'COVISHIELD', dates: ['2021-05-21', '2021-08-16'] },
  },
];

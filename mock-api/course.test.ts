import { expect, test } from 'vitest';
import { FULL_COURSE, type VaccineName, vaccinationStatus } from './course';

const vaccines = Object.keys(FULL_COURSE) as VaccineName[];
const days = (n: number) => Array.from({ length: n }, (_, i) => `2021-0${1 + i}-15`);

test('knows the full course of every vaccine India gave', () => {
  expect(FULL_COURSE).toEqual({
    COVISHIELD: 2,
    COVAXIN: 2,
    'SPUTNIK V': 2,
    CORBEVAX: 2,
    COVOVAX: 2,
    'ZyCoV-D': 3,
    Janssen: 1,
  });
});

test('says not vaccinated without a primary course or with no doses', () => {
  expect(vaccinationStatus(undefined)).toBe(0);
  expect(vaccinationStatus({ vaccine: 'COVISHIELD', dates: [] })).toBe(0);
});

test.each(vaccines.filter((v) => FULL_COURSE[v] > 1))('says partially vaccinated with one dose of %s', (vaccine) => {
  expect(vaccinationStatus({ vaccine, dates: days(1) })).toBe(1);
});

test.each(vaccines)('says fully vaccinated when the course of %s is complete', (vaccine) => {
  expect(vaccinationStatus({ vaccine, dates: days(FULL_COURSE[vaccine]) })).toBe(2);
});

test('says partially vaccinated with two of the three doses of ZyCoV-D', () => {
  expect(vaccinationStatus({ vaccine: 'ZyCoV-D', dates: days(2) })).toBe(1);
});

test('says fully vaccinated after the single dose of Janssen', () => {
  expect(vaccinationStatus({ vaccine: 'Janssen', dates: days(1) })).toBe(2);
});

test('stays fully vaccinated with more doses than the course', () => {
  expect(vaccinationStatus({ vaccine: 'COVAXIN', dates: days(3) })).toBe(2);
});

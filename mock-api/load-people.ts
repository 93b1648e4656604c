import type { FixtureBeneficiary } from './fixtures';

/** Letters for a number (0 → "Aaaa"), since names hold no digits. */
function letters(n: number): string {
  let text = '';
  for (let i = 0; i < 4; i++, n = Math.floor(n / 26)) text = String.fromCharCode(97 + (n % 26)) + text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The first mobile of the made-up people: a range no fixture and no e2e test uses. */
export const LOAD_FIRST_MOBILE = 7_200_000_000;

/**
 * `count` made-up people for load tests, each on a mobile of their own (`LOAD_FIRST_MOBILE + i`),
 * fully vaccinated, named "Load Person Aaaa", "Load Person Aaab", …
 * @example loadPeople(2).map((p) => [p.name, p.mobile]) // [['Load Person Aaaa', '7200000000'], ['Load Person Aaab', '7200000001']]
 */
export function loadPeople(count: number): FixtureBeneficiary[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `load-${i}`,
    name: `Load Person ${letters(i)}`,
    mobile: String(LOAD_FIRST_MOBILE + i),
    birthYear: '1990',
    gender: 'Others',
    referenceId: String(72_000_000_000_000 + i),
    primary: { vaccine: 'COVISHIELD', dates: ['2021-05-01', '2021-08-01'] },
  }));
}

/**
 * Doses that make each vaccine's full primary course, as India's programme gave them. Status is
 * always computed from this table, never stored, so a fixture cannot claim a status its doses do
 * not support (ZyCoV-D needs three doses; Janssen is complete after one).
 */
export const FULL_COURSE = {
  COVISHIELD: 2,
  COVAXIN: 2,
  'SPUTNIK V': 2,
  CORBEVAX: 2,
  COVOVAX: 2,
  'ZyCoV-D': 3,
  Janssen: 1,
} as const;

export type VaccineName = keyof typeof FULL_COURSE;

/** CoWIN's `vaccination_status`: 0 = not, 1 = partially, 2 = fully vaccinated. */
export type VaccinationStatus = 0 | 1 | 2;

/** The primary course a person has had: one vaccine and the dates of its doses. */
export interface PrimaryCourse {
  vaccine: VaccineName;
  /** ISO dates (`YYYY-MM-DD`), oldest first. */
  dates: readonly string[];
}

/** None → 0; fewer doses than the vaccine's course → 1; the course complete → 2. Precaution doses do not count. */
export function vaccinationStatus(primary: PrimaryCourse | undefined): VaccinationStatus {
  if (!primary || primary.dates.length === 0) return 0;
  return primary.dates.length < FULL_COURSE[primary.vaccine] ? 1 : 2;
}

import { nameKey } from '../contract';
import type { FixtureBeneficiary } from './fixtures';

/** Looks people up the way CoWIN's OTP step does: by mobile, then by the name among its people. */
export interface Directory {
  /** The one person registered on `mobile` whose name matches `fullName`, if any. */
  match(mobile: string, fullName: string): FixtureBeneficiary | undefined;
  byKey(key: string): FixtureBeneficiary | undefined;
}

/** Indexed by mobile and by key, so that a directory of 100,000 people answers as fast as one of 15. */
export function createDirectory(people: readonly FixtureBeneficiary[]): Directory {
  const byMobile = new Map<string, FixtureBeneficiary[]>();
  for (const person of people) byMobile.set(person.mobile, [...(byMobile.get(person.mobile) ?? []), person]);
  const byKey = new Map(people.map((person) => [person.key, person]));
  return {
    match(mobile, fullName) {
      // Both sides go through the widget's nameKey, so "smt. kavita  patil" finds Kavita Patil, and a
      // name that does not normalise at all matches no one (rather than matching another empty key).
      const wanted = nameKey(fullName);
      if (wanted === undefined) return undefined;
      return byMobile.get(mobile)?.find((p) => nameKey(p.name) === wanted);
    },
    byKey: (key) => byKey.get(key),
  };
}

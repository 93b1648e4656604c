import { nameKey } from '../widget/normalize';
import type { FixtureBeneficiary } from './fixtures';

/** Looks people up the way CoWIN's OTP step does: by mobile, then by the name among its people. */
export interface Directory {
  /** The one person registered on `mobile` whose name matches `fullName`, if any. */
  match(mobile: string, fullName: string): FixtureBeneficiary | undefined;
  byKey(key: string): FixtureBeneficiary | undefined;
}

export function createDirectory(people: readonly FixtureBeneficiary[]): Directory {
  return {
    match(mobile, fullName) {
      // Both sides go through the widget's nameKey, so "smt. kavita  patil" finds Kavita Patil, and a
      // name that does not normalise at all matches no one (rather than matching another empty key).
      const wanted = nameKey(fullName);
      if (wanted === undefined) return undefined;
      return people.find((p) => p.mobile === mobile && nameKey(p.name) === wanted);
    },
    byKey: (key) => people.find((p) => p.key === key),
  };
}

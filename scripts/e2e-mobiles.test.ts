import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { fixtureBeneficiaries } from '../mock-api';

// Playwright runs e2e files side by side, and a new OTP for a mobile replaces the last one: two
// files that verify the same registered person can take each other's OTP and fail now and then.
// So each registered mobile belongs to one e2e file (e2e/people.ts counts for the files importing it).

const e2e = new URL('../e2e/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, e2e), 'utf8');
const registered = new Set(fixtureBeneficiaries.map((person) => person.mobile));
const mobilesIn = (text: string) => new Set([...text.matchAll(/\b[6-9]\d{9}\b/g)].map((m) => m[0]));

test('no registered mobile is used by two e2e files', () => {
  const people = mobilesIn(read('people.ts'));
  const owners = new Map<string, string[]>();
  for (const file of readdirSync(e2e).filter((name) => name.endsWith('.spec.ts'))) {
    const text = read(file);
    const used = mobilesIn(text);
    if (/from '\.\/people'/.test(text)) people.forEach((mobile) => used.add(mobile));
    for (const mobile of used) if (registered.has(mobile)) owners.set(mobile, [...(owners.get(mobile) ?? []), file]);
  }
  expect(owners.size, 'some e2e file verifies registered people').toBeGreaterThan(5);
  const shared = [...owners].filter(([, files]) => files.length > 1);
  expect(shared, 'registered mobiles used by more than one e2e file').toEqual([]);
});

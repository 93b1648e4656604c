import { expect, test } from 'vitest';
import { nameKey } from '../contract';
import { loadPeople } from './load-people';

test('made-up people have valid, distinct names and mobiles', () => {
  const people = loadPeople(1000);
  expect(new Set(people.map((p) => nameKey(p.name))).size).toBe(1000);
  expect(new Set(people.map((p) => p.mobile)).size).toBe(1000);
  for (const person of people) expect(person.mobile).toMatch(/^[6-9]\d{9}$/);
  expect(people.slice(0, 2).map((p) => p.name)).toEqual(['Load Person Aaaa', 'Load Person Aaab']);
});

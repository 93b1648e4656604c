import { expect, test } from 'vitest';
import { FIRST_NAME_MAX, shortName } from './short-name';

test('shows the first name only', () => {
  expect(shortName('Asha Verma')).toBe('Asha');
  expect(shortName('  Suresh   Patil ')).toBe('Suresh');
  expect(shortName('सुनीता देवी')).toBe('सुनीता');
  expect(shortName('Meena')).toBe('Meena');
});

test('shows initials when the first name is too long to be a first name', () => {
  const long = 'A'.repeat(FIRST_NAME_MAX + 1);
  expect(shortName(`${long} kumar`)).toBe('A. K.');
});

test('shows nothing for an empty name', () => {
  expect(shortName('')).toBeUndefined();
  expect(shortName('   ')).toBeUndefined();
});

test('initials keep a whole grapheme: an Indic conjunct with its vowel sign is not cut', () => {
  const long = 'क्षितिज'.repeat(7);
  expect(shortName(`${long} त्रिपाठी`)).toBe('क्षि. त्रि.');
  expect(shortName(`${'श्री'.repeat(21)} राम`)).toBe('श्री. रा.');
});

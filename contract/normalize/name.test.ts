import { expect, test } from 'vitest';
import { nameKey, normalizeName } from './name';

test.each([
  ['Asha Verma', 'Asha Verma'],
  ['  Asha   Verma  ', 'Asha Verma'],
  ['Smt. Asha Verma', 'Asha Verma'],
  ['smt asha verma', 'asha verma'],
  ['Dr. Mrs. Asha Verma', 'Asha Verma'],
  ['Shri Ravi Kumar', 'Ravi Kumar'],
  ['Kumari Meena Iyer', 'Meena Iyer'],
  ['श्रीमती सुनीता देवी', 'सुनीता देवी'],
  ['श्री सुनीता देवी', 'सुनीता देवी'],
  ["D'Souza Anil", "D'Souza Anil"],
  ['Mary-Ann Thomas', 'Mary-Ann Thomas'],
  ['Drishti Rao', 'Drishti Rao'], // "Dr" inside a word is not an honorific
  ['Mrinal Sen', 'Mrinal Sen'],
])('normalises %j to %j', (input, expected) => {
  expect(normalizeName(input)).toEqual({ ok: true, value: expected });
});

test('composes to NFC', () => {
  const decomposed = 'सुनीता देवी'.normalize('NFD');
  const result = normalizeName(decomposed);
  expect(result.ok && result.value).toBe('सुनीता देवी'.normalize('NFC'));
});

test.each([[''], ['   '], ['Smt.'], ['12345'], ['<script>'], ['Asha 9876543210'], ['x'.repeat(101)]])(
  'refuses %j',
  (input) => {
    expect(normalizeName(input)).toEqual({ ok: false });
  },
);

test.each([
  ['Asha Verma', 'ASHA  VERMA'],
  ['Asha Verma', 'Smt. asha verma'],
  ['Kavita Patil', 'kavita patil'],
  ['सुनीता देवी', 'श्रीमती  सुनीता देवी'],
  ['A. K. Sharma', 'a k sharma'],
])('%j and %j have one key', (a, b) => {
  expect(nameKey(a)).toBeDefined();
  expect(nameKey(a)).toBe(nameKey(b));
});

test.each([
  ['Suresh Patil', 'Kavita Patil'],
  ['Asha Verma', 'Asha Varma'],
])('%j and %j have different keys', (a, b) => {
  expect(nameKey(a)).not.toBe(nameKey(b));
});

test('an invalid name has no key', () => {
  expect(nameKey('')).toBeUndefined();
});

import { expect, test } from 'vitest';
import { maskMobile, normalizeMobile } from './mobile';

test.each([
  ['9876543210', '9876543210'],
  ['98765 43210', '9876543210'],
  ['98765-43210', '9876543210'],
  ['(98765) 43210', '9876543210'],
  ['+91 98765 43210', '9876543210'],
  ['+919876543210', '9876543210'],
  ['919876543210', '9876543210'],
  ['09876543210', '9876543210'],
  ['९८७६५४३२१०', '9876543210'], // Devanagari
  ['৯৮৭৬৫৪৩২১০', '9876543210'], // Bengali
  ['௯௮௭௬௫௪௩௨௧௦', '9876543210'], // Tamil
  ['+९१ ९८७६५-४३२१०', '9876543210'],
  ['9123456780', '9123456780'], // starts with 91 but is 10 digits: kept whole
  ['6000000000', '6000000000'],
])('accepts %j as %s', (input, expected) => {
  expect(normalizeMobile(input)).toEqual({ ok: true, value: expected });
});

test.each([
  [''],
  ['12345'],
  ['5876543210'], // Indian mobiles start with 6–9
  ['98765432101'], // 11 digits not starting with 0
  ['929876543210'], // 12 digits not starting with 91
  ['+449876543210'], // another country
  ['98765abc10'],
  ['0919876543210'],
  ['9876543210 ext 2'],
])('refuses %j', (input) => {
  expect(normalizeMobile(input)).toEqual({ ok: false });
});

test('masks all but the last four digits', () => {
  expect(maskMobile('9876543210')).toBe('******3210');
});

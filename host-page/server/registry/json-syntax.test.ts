import fc from 'fast-check';
import { expect, test } from 'vitest';
import { jsonErrorOffset, jsonSyntaxError } from './json-syntax';

test.each([
  { text: '[{"id":"a","secret":"hunter2-hunter2" "x":1}]', offset: 38 },
  { text: '{"secret": hunter2hunter2}', offset: 11 },
  { text: '[{"id":', offset: 7 },
  { text: '[{"id":"a"}]x', offset: 12 },
  { text: '', offset: 0 },
  { text: '{"a":"\u0001"}', offset: 6 },
  { text: '[1,]', offset: 3 },
  { text: '{"a" 1}', offset: 5 },
  { text: '01', offset: 1 },
])('finds where $text breaks', ({ text, offset }) => {
  expect(jsonErrorOffset(text)).toBe(offset);
});

test('says line and column, and never the text', () => {
  const text = '[\n  { "id": "agency", "secret": hunter2-hunter2-hunter2 }\n]';
  const message = jsonSyntaxError(text);
  expect(message).toBe('a syntax error at line 2, column 31');
  expect(message).not.toContain('hunter2');
});

test('agrees with JSON.parse on what is valid', () => {
  fc.assert(
    fc.property(fc.json(), (json) => {
      expect(jsonErrorOffset(json)).toBeUndefined();
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.string(), (text) => {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(jsonErrorOffset(text) === undefined).toBe(valid);
    }),
    { numRuns: 2000 },
  );
});

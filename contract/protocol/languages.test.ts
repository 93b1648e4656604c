import { expect, test } from 'vitest';
import { preferredLanguage, supportedLanguage } from './languages';

test.each([
  ['hi', 'hi'],
  ['hi-IN', 'hi'],
  ['TA_in', 'ta'],
  [' or ', 'or'],
  ['en-GB', 'en'],
  ['fr', undefined],
  ['', undefined],
  ['hin', undefined],
  [null, undefined],
  [42, undefined],
])('supportedLanguage(%j) is %j', (tag, expected) => {
  expect(supportedLanguage(tag)).toBe(expected);
});

test.each([
  ['mr,hi', 'mr'],
  ['hi-IN', 'hi'],
  ['fr,bn', 'bn'],
  ['fr', 'en'],
  ['fr,de-CH', 'en'],
  ['', 'en'],
  [',,ta', 'ta'],
  [undefined, 'en'],
])('preferredLanguage(%j) is %j', (tags, expected) => {
  expect(preferredLanguage(tags)).toBe(expected);
});

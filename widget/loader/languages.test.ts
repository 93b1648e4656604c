import { expect, test } from 'vitest';
import { chooseLang, supportedLang } from './languages';

test.each([
  ['hi', 'hi'],
  ['hi-IN', 'hi'],
  ['TA_in', 'ta'],
  ['or', 'or'],
  ['en-GB', 'en'],
  ['fr', undefined],
  ['', undefined],
  ['hin', undefined],
  [null, undefined],
  [42, undefined],
])('supportedLang(%j) is %j', (tag, expected) => {
  expect(supportedLang(tag)).toBe(expected);
});

test.each([
  ['mr', 'hi', 'mr'],
  [undefined, 'hi-IN', 'hi'],
  ['fr', 'bn', 'bn'],
  [undefined, 'fr', 'en'],
  [undefined, '', 'en'],
  [undefined, undefined, 'en'],
])('chooseLang(%j, page %j) is %j', (requested, page, expected) => {
  expect(chooseLang(requested, page)).toBe(expected);
});

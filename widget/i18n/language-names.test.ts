import { expect, test } from 'vitest';
import { languageLabels, languageNames } from './language-names';
import { supportedLanguages } from '../../contract';

// The first letter of each name, by script: a name written in the wrong script would fail here.
const scriptOf: Record<string, RegExp> = {
  en: /^[A-Z]/,
  hi: /^[\u0900-\u097f]/,
  mr: /^[\u0900-\u097f]/,
  bn: /^[\u0980-\u09ff]/,
  as: /^[\u0980-\u09ff]/,
  gu: /^[\u0a80-\u0aff]/,
  pa: /^[\u0a00-\u0a7f]/,
  or: /^[\u0b00-\u0b7f]/,
  ta: /^[\u0b80-\u0bff]/,
  te: /^[\u0c00-\u0c7f]/,
  kn: /^[\u0c80-\u0cff]/,
  ml: /^[\u0d00-\u0d7f]/,
};

test('every language has its name and the word for "Language", in its own script', () => {
  for (const lang of supportedLanguages) {
    expect([lang, scriptOf[lang]!.test(languageNames[lang])]).toEqual([lang, true]);
    expect([lang, scriptOf[lang]!.test(languageLabels[lang])]).toEqual([lang, true]);
  }
  expect(Object.keys(languageNames)).toEqual([...supportedLanguages]);
  expect(new Set(Object.values(languageNames)).size).toBe(supportedLanguages.length);
});

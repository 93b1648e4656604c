/** Longest first name the picture shows; a longer one is shown as initials. */
export const FIRST_NAME_MAX = 20;

/**
 * A word's user-perceived characters: an Indic conjunct with its vowel sign (`क्षि`) is one, where
 * code points would cut it after `क` and leave a broken letter (docs/i18n.md, "Names").
 */
const graphemes = (word: string): string[] =>
  // Code points where a browser has no Segmenter yet (Firefox before 125).
  typeof Intl.Segmenter === 'function'
    ? Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(word), (s) => s.segment)
    : [...word];

/**
 * What the picture shows of the person: the first name, or initials when it is very long — never
 * the full name, since the picture is made to be posted in public.
 * @example shortName('Asha Verma') // 'Asha'
 * @example shortName('सुनीता देवी') // 'सुनीता'
 */
export function shortName(fullName: string): string | undefined {
  const words = fullName.normalize('NFC').trim().split(/\s+/u).filter(Boolean);
  const first = words[0];
  if (!first) return undefined;
  if (graphemes(first).length <= FIRST_NAME_MAX) return first;
  return words.map((word) => `${graphemes(word)[0]!.toLocaleUpperCase()}.`).join(' ');
}

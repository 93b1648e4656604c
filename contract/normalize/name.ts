import type { Normalized } from './mobile';

/** Honorifics people often type before a name; CoWIN records the name without them. */
const honorifics = [
  'shri',
  'shree',
  'sri',
  'smt',
  'mr',
  'mrs',
  'ms',
  'dr',
  'kumari',
  'km',
  'श्री',
  'श्रीमती',
  'कुमारी',
  'सुश्री',
  'डॉ',
  'डा',
];
const honorificPrefix = new RegExp(`^(?:${honorifics.join('|')})(?:\\.|\\s)\\s*`, 'u');

/** Letters and marks of any script, with the spaces, dots, apostrophes and hyphens names carry. */
const plausibleName = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;

export const NAME_MAX_LENGTH = 100;

/**
 * The name as the host sends it to CoWIN: NFC, single spaces, honorifics removed, case kept.
 * @example normalizeName('  Smt.  Asha   Verma ') // { ok: true, value: 'Asha Verma' }
 */
export function normalizeName(input: string): Normalized {
  let name = input.normalize('NFC').replace(/\s+/gu, ' ').trim();
  let previous;
  do {
    previous = name;
    const match = honorificPrefix.exec(name.toLowerCase());
    if (match) name = name.slice(match[0].length).trim();
  } while (name !== previous);
  if (name.length === 0 || name.length > NAME_MAX_LENGTH || !plausibleName.test(name)) return { ok: false };
  return { ok: true, value: name };
}

/** The key two names are compared by: the normalised name, case-folded, without dots. */
export function nameKey(input: string): string | undefined {
  const normalized = normalizeName(input);
  if (!normalized.ok) return undefined;
  return normalized.value.toLowerCase().replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
}

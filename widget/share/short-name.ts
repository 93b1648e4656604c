/** Longest first name the picture shows; a longer one is shown as initials. */
export const FIRST_NAME_MAX = 20;

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
  if ([...first].length <= FIRST_NAME_MAX) return first;
  return words.map((word) => `${[...word][0]!.toLocaleUpperCase()}.`).join(' ');
}

/** The languages kycvs speaks (DESIGN.md, contract 1), as BCP 47 primary subtags. */
export const supportedLanguages = ['en', 'hi', 'mr', 'bn', 'as', 'gu', 'pa', 'or', 'ta', 'te', 'kn', 'ml'] as const;
export type Language = (typeof supportedLanguages)[number];

export function isSupportedLanguage(value: unknown): value is Language {
  return (supportedLanguages as readonly unknown[]).includes(value);
}

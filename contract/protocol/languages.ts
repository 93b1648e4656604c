/** The languages kycvs speaks (docs/portals.md), as BCP 47 primary subtags. */
export const supportedLanguages = ['en', 'hi', 'mr', 'bn', 'as', 'gu', 'pa', 'or', 'ta', 'te', 'kn', 'ml'] as const;
export type Language = (typeof supportedLanguages)[number];

export function isSupportedLanguage(value: unknown): value is Language {
  return (supportedLanguages as readonly unknown[]).includes(value);
}

/** The primary subtag of a BCP 47 tag (`hi-IN` → `hi`) when it is a supported language. */
export function supportedLanguage(tag: unknown): Language | undefined {
  const primary = typeof tag === 'string' && tag.trim().split(/[-_]/)[0]!.toLowerCase();
  return isSupportedLanguage(primary) ? primary : undefined;
}

/**
 * The first supported language of a comma-separated list of tags, else English. The loader sends
 * `data-lang`, then the page's `<html lang>`, as such a list, and the host picks: embed.js need
 * not carry the list of languages.
 */
export function preferredLanguage(tags: string | undefined): Language {
  for (const tag of (tags ?? '').split(',')) {
    const lang = supportedLanguage(tag);
    if (lang) return lang;
  }
  return 'en';
}

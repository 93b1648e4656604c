import { isSupportedLanguage, type Language } from '../protocol/languages';

/** The primary subtag of a BCP 47 tag (`hi-IN` → `hi`) when it is a supported language. */
export function supportedLang(tag: unknown): Language | undefined {
  const primary = typeof tag === 'string' && tag.split(/[-_]/)[0]!.toLowerCase();
  return isSupportedLanguage(primary) ? primary : undefined;
}

/** The language asked for, else the page's `<html lang>`, else English. */
export function chooseLang(requested: unknown, pageLang: unknown): Language {
  return supportedLang(requested) || supportedLang(pageLang) || 'en';
}

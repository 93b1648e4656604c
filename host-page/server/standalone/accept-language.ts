import { supportedLanguage, type Language } from '../../../contract';

/**
 * The best supported language of an `Accept-Language` header (RFC 9110 §12.5.4): by weight, then
 * by order; a region or script subtag is ignored (`hi-IN` → `hi`), `q=0` means "not this one".
 * Undefined when none is supported.
 * @example bestLanguage('ta-IN,ta;q=0.9,en;q=0.8') // 'ta'
 */
export function bestLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .slice(0, 32)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find(Boolean);
      return { lang: supportedLanguage(tag), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && entry.lang !== undefined)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.lang;
}

import type { MessageKey, Messages } from './en';
import { intlLocale } from './intl-locale';

export type Params = Readonly<Record<string, string | number>>;

/**
 * Fills `{name}` placeholders; a placeholder without a value stays as it is, to be seen and fixed.
 * A number is written with `String`, so in Latin digits, whatever the language (docs/i18n.md).
 */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** The keys whose forms are ordinal categories ("1st dose"); every other plural is cardinal. */
const ordinalKeys: ReadonlySet<MessageKey> = new Set<MessageKey>(['result.dose']);

/**
 * A translator for one table. A plural message picks its form by `params.count` through
 * `Intl.PluralRules` of `lang`, and falls back to `other`.
 */
export function createTranslator(messages: Messages, lang = 'en'): Translate {
  const cardinal = new Intl.PluralRules(intlLocale(lang));
  const ordinal = new Intl.PluralRules(intlLocale(lang), { type: 'ordinal' });
  return (key, params) => {
    const message = messages[key];
    if (typeof message === 'string') return format(message, params);
    const rules = ordinalKeys.has(key) ? ordinal : cardinal;
    return format(message[rules.select(Number(params?.count))] ?? message.other, params);
  };
}

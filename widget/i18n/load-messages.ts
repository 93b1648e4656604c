import { en, type Messages } from './en';
import { isSupportedLanguage, type Language } from '../../contract';

/**
 * The tables that are not bundled, each its own chunk, fetched only when chosen. A new language is
 * a data file beside hi.ts and one line here; until then it falls back to English.
 */
const tables: Partial<Record<Language, () => Promise<{ default: Messages }>>> = {
  hi: () => import('./hi'),
  mr: () => import('./mr'),
  bn: () => import('./bn'),
  as: () => import('./as'),
  gu: () => import('./gu'),
  pa: () => import('./pa'),
  or: () => import('./or'),
  ta: () => import('./ta'),
  te: () => import('./te'),
  kn: () => import('./kn'),
  ml: () => import('./ml'),
};

export interface LoadedMessages {
  /** The language of `messages`: the one asked for, or `en` when it has no table yet. */
  lang: Language;
  messages: Messages;
}

/** The table for `lang`; English when the language is unknown, has no table, or fails to load. */
export async function loadMessages(lang: string): Promise<LoadedMessages> {
  const load = isSupportedLanguage(lang) ? tables[lang] : undefined;
  if (!load) return { lang: 'en', messages: en };
  try {
    return { lang: lang as Language, messages: (await load()).default };
  } catch {
    return { lang: 'en', messages: en };
  }
}

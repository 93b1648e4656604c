import type { Language } from '../../contract';

/**
 * Each language in its own name and script, as the language picker lists them, so that a reader
 * finds theirs whatever language the widget shows now. Not in the tables: every table shows them
 * all, the same way.
 */
export const languageNames: Readonly<Record<Language, string>> = {
  en: 'English',
  hi: 'हिन्दी',
  mr: 'मराठी',
  bn: 'বাংলা',
  as: 'অসমীয়া',
  gu: 'ગુજરાતી',
  pa: 'ਪੰਜਾਬੀ',
  or: 'ଓଡ଼ିଆ',
  ta: 'தமிழ்',
  te: 'తెలుగు',
  kn: 'ಕನ್ನಡ',
  ml: 'മലയാളം',
};

/**
 * "Language", the picker's label, in each language: one word beside the names above, in the
 * picker's own chunk (loaded after the first paint), rather than a key every table must carry.
 */
export const languageLabels: Readonly<Record<Language, string>> = {
  en: 'Language',
  hi: 'भाषा',
  mr: 'भाषा',
  bn: 'ভাষা',
  as: 'ভাষা',
  gu: 'ભાષા',
  pa: 'ਭਾਸ਼ਾ',
  or: 'ଭାଷା',
  ta: 'மொழி',
  te: 'భాష',
  kn: 'ಭಾಷೆ',
  ml: 'ഭാഷ',
};

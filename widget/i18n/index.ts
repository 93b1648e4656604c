export { en, type MessageKey, type Messages } from './en';
export { languages, isLang, type Lang } from './languages';
export { loadMessages, type LoadedMessages } from './load-messages';
export { createTranslator, format, type Params, type Translate } from './translate';
export { errorKey, errorMessage } from './error-message';
export { createLocale, type Locale, type Speech } from './locale';
export { languageLabels, languageNames } from './language-names';

export { en, type MessageKey, type Messages } from './en';
export { supportedLanguages, isSupportedLanguage, type Language } from '../../contract';
export { loadMessages, type LoadedMessages } from './load-messages';
export { createTranslator, format, type Params, type Translate } from './translate';
export { errorKey, errorMessage } from './error-message';
export { createLocale, type Locale, type Speech } from './locale';
export { languageLabels, languageNames } from './language-names';

// One list of languages for the whole widget: the protocol module owns it, the loader reads it too.
export { supportedLanguages as languages, isSupportedLanguage as isLang, type Language as Lang } from '../../contract';

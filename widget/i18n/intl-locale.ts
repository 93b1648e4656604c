/**
 * The locale every `Intl` formatter of the widget and the share picture is given: the language,
 * with Latin digits (`-u-nu-latn`). CLDR gives Marathi Devanagari digits and Bengali and Assamese
 * Bengali ones, while the SMS, the OTP being typed, the mobile and the hints are in Latin digits:
 * one screen would show two digit systems (docs/i18n.md, "Digits").
 */
export const intlLocale = (lang: string): string => `${lang}-u-nu-latn`;

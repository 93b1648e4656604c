import './language-picker.css';
import { languageLabels, languageNames, supportedLanguages, type Language } from '../i18n';

/** A globe, the sign for "language" that needs no reading. Decorative: the label says it in words. */
const Globe = () => (
  <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
    <g fill="none" stroke="currentColor" stroke-width="1.75">
      <circle cx="12" cy="12" r="9.5" />
      <path d="M2.5 12h19M12 2.5c3 3 3 16 0 19M12 2.5c-3 3-3 16 0 19" />
    </g>
  </svg>
);

/**
 * The language picker: every language in its own name and script (each option with its `lang`, so
 * that a screen reader says it in its own voice), under a label in the language shown now, with
 * "Language" in English beside it. Choosing switches the whole widget at once and keeps focus
 * here: a change of content, not of context (WCAG 3.2.2).
 */
export function LanguagePicker({ lang, choose }: { lang: Language; choose: (lang: Language) => void }) {
  return (
    <>
      <label for="kycvs-lang">
        <Globe />
        {languageLabels[lang]}
        {lang === 'en' ? null : <span lang="en"> (Language)</span>}
      </label>
      <select id="kycvs-lang" value={lang} onChange={(event) => choose(event.currentTarget.value as Language)}>
        {supportedLanguages.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageNames[code]}
          </option>
        ))}
      </select>
    </>
  );
}

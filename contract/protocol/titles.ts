import type { Language } from './languages';

/**
 * The frame's `<title>` in each language. The host writes it into frame.html when it serves the
 * page, so that the tab and a screen reader have it before any script runs; the widget's tables
 * hold the same words as `app.title` (widget/i18n/i18n.test.ts holds them equal). Here, in the
 * contract, because the host may not import the widget (docs/architecture.md).
 */
export const appTitles: Readonly<Record<Language, string>> = {
  en: 'Know Your Vaccination Status',
  hi: 'अपनी टीकाकरण स्थिति जानें',
  mr: 'आपली लसीकरण स्थिती जाणून घ्या',
  bn: 'আপনার টিকাকরণের অবস্থা জানুন',
  as: 'আপোনাৰ টীকাকৰণৰ স্থিতি জানক',
  gu: 'તમારી રસીકરણની સ્થિતિ જાણો',
  pa: 'ਆਪਣੀ ਟੀਕਾਕਰਨ ਸਥਿਤੀ ਜਾਣੋ',
  or: 'ଆପଣଙ୍କ ଟୀକାକରଣ ସ୍ଥିତି ଜାଣନ୍ତୁ',
  ta: 'உங்கள் தடுப்பூசி நிலையை அறியுங்கள்',
  te: 'మీ టీకా స్థితిని తెలుసుకోండి',
  kn: 'ನಿಮ್ಮ ಲಸಿಕೆ ಸ್ಥಿತಿಯನ್ನು ತಿಳಿಯಿರಿ',
  ml: 'നിങ്ങളുടെ വാക്സിനേഷൻ നില അറിയുക',
};

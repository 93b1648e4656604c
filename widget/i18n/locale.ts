import { signal, type ReadonlySignal } from '@preact/signals';
import type { Language } from '../../contract';
import { loadMessages, type LoadedMessages } from './load-messages';
import { createTranslator, type Translate } from './translate';

/** The language the widget speaks now, and its translator. */
export interface Speech {
  lang: Language;
  t: Translate;
}

/** The widget's language, switchable while it runs (the language picker). */
export interface Locale {
  readonly current: ReadonlySignal<Speech>;
  /**
   * Fetches `lang`'s table, then switches to it: to English when it has none or it fails to load,
   * so that the widget always shows the language it says it shows. When choices overlap, the last
   * one wins.
   */
  choose(lang: Language): Promise<void>;
}

const speech = ({ lang, messages }: LoadedMessages): Speech => ({ lang, t: createTranslator(messages, lang) });

export function createLocale(
  initial: LoadedMessages,
  load: (lang: Language) => Promise<LoadedMessages> = loadMessages,
): Locale {
  const current = signal(speech(initial));
  let latest = 0;
  return {
    current,
    async choose(lang) {
      const mine = ++latest;
      const loaded = await load(lang);
      if (mine === latest) current.value = speech(loaded);
    },
  };
}

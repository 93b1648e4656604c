import { own } from './read-options';
import type { KycvsErrorData, KycvsResult, RenderOptions } from './types';

type Callback<T> = ((value: T) => void) | undefined;

/**
 * A global function named by `data-callback`, looked up when it is needed: the script tag is
 * `async`, so the page may define the function after embed.js has run. Only own properties of
 * `window` count (a top-level `function` declaration or `window.name = …`; not a top-level `const`).
 */
export function globalCallback<T>(win: object, name: string | null): Callback<T> {
  return name
    ? (value: T) => {
        const f = own(win, name);
        if (typeof f === 'function') f(value);
      }
    : undefined;
}

/**
 * Options from an element's attributes: `data-provider`, `data-lang`, `data-nonce`, `data-theme`,
 * `data-accent`, `data-share` and `data-debug` (present and not `"false"`), `data-callback`,
 * `data-error-callback`; on `<kycvs-verify>` the same without `data-` (except `data-nonce`, since
 * browsers hide a plain `nonce` attribute's value).
 */
export function optionsFromAttributes(
  attr: (name: string) => string | null,
  win: object,
  prefix: '' | 'data-' = 'data-',
): RenderOptions {
  const share = attr(prefix + 'share');
  const debug = attr(prefix + 'debug');
  return {
    provider: attr(prefix + 'provider') || '',
    // Any text: an unsupported language falls back at run time (read-options.ts).
    lang: (attr(prefix + 'lang') || undefined) as RenderOptions['lang'],
    nonce: attr('data-nonce') || undefined,
    theme: (attr(prefix + 'theme') || undefined) as RenderOptions['theme'],
    accent: attr(prefix + 'accent') || undefined,
    share: share != null && share != 'false',
    debug: debug != null && debug != 'false',
    onResult: globalCallback<KycvsResult>(win, attr(prefix + 'callback')),
    onError: globalCallback<KycvsErrorData>(win, attr(prefix + 'error-callback')),
  };
}

/**
 * The elements the script tag renders by itself, when they have a `data-provider` (those without
 * one are matched too, so that their `data-debug` can say what is missing).
 */
export const AUTO_SELECTOR = '.kycvs';

/** Every attribute `<kycvs-verify>` reads, so that it can re-render when one changes. */
export const ELEMENT_ATTRIBUTES = [
  'provider',
  'lang',
  'data-nonce',
  'theme',
  'accent',
  'share',
  'debug',
  'callback',
  'error-callback',
];

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
 * `data-callback`, `data-error-callback`; on `<kycvs-verify>` the same without `data-` (except
 * `data-nonce`, since browsers hide a plain `nonce` attribute's value).
 */
export function optionsFromAttributes(
  attr: (name: string) => string | null,
  win: object,
  prefix: '' | 'data-' = 'data-',
): RenderOptions {
  return {
    provider: attr(prefix + 'provider') || '',
    lang: attr(prefix + 'lang') || undefined,
    nonce: attr('data-nonce') || undefined,
    theme: (attr(prefix + 'theme') || undefined) as RenderOptions['theme'],
    onResult: globalCallback<KycvsResult>(win, attr(prefix + 'callback')),
    onError: globalCallback<KycvsErrorData>(win, attr(prefix + 'error-callback')),
  };
}

/** The elements the script tag renders by itself. */
export const AUTO_SELECTOR = '.kycvs[data-provider]:not([data-provider=""])';

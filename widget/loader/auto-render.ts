import { own, TEXT_OPTIONS } from './read-options';
import type { RenderOptions } from './types';

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

/** Attributes read as text, under the option of the same name. */
const TEXT_ATTRIBUTES = ['provider', 'lang', ...TEXT_OPTIONS] as const;

/** `data-callback` and its kind, each naming a global function, and the option each becomes. */
const CALLBACK_ATTRIBUTES = [
  ['callback', 'onResult'],
  ['error-callback', 'onError'],
  ['expired-callback', 'onExpired'],
] as const;

/**
 * Options from an element's attributes: `data-provider`, `data-lang`, `data-nonce`, `data-theme`,
 * `data-accent`, `data-action`, `data-share` and `data-debug` (present and not `"false"`),
 * `data-callback`, `data-error-callback`, `data-expired-callback`; on `<kycvs-verify>` the same
 * without `data-` (except `data-nonce`, since browsers hide a plain `nonce` attribute's value).
 * Text is passed on as it is: readOptions drops what is missing or empty.
 */
export function optionsFromAttributes(
  attr: (name: string) => string | null,
  win: object,
  prefix: '' | 'data-' = 'data-',
): RenderOptions {
  const flag = (name: string) => {
    const value = attr(prefix + name);
    return value != null && value != 'false';
  };
  const o: Record<string, unknown> = { nonce: attr('data-nonce'), share: flag('share'), debug: flag('debug') };
  for (const name of TEXT_ATTRIBUTES) o[name] = attr(prefix + name);
  for (const [name, option] of CALLBACK_ATTRIBUTES) o[option] = globalCallback(win, attr(prefix + name));
  return o as unknown as RenderOptions;
}

/**
 * The elements the script tag renders by itself, when they have a `data-provider` (those without
 * one are matched too, so that their `data-debug` can say what is missing).
 */
export const AUTO_SELECTOR = '.kycvs';

/** Every attribute `<kycvs-verify>` reads, so that it can re-render when one changes. */
export const ELEMENT_ATTRIBUTES: readonly string[] = [
  ...TEXT_ATTRIBUTES,
  'data-nonce',
  'share',
  'debug',
  ...CALLBACK_ATTRIBUTES.map(([name]) => name),
];

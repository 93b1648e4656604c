import { loaderError } from './loader-error';
import type { KycvsErrorData, KycvsEvent, KycvsResult } from './types';

/**
 * Options that go to frame.html as they are, when they are non-empty text: the frame (or the host)
 * checks each and drops a bad one, which costs embed.js no checks of its own. Also the attribute
 * names they are read from (auto-render.ts).
 */
export const TEXT_OPTIONS = ['theme', 'accent', 'action'] as const;

/** The callbacks, each read only when it is a function. */
export const CALLBACK_OPTIONS = ['onResult', 'onError', 'onEvent', 'onExpired'] as const;

/** Options after checking: every field has the right type or is absent. */
export interface ResolvedOptions {
  provider: string;
  /**
   * The language asked for, then the page's: a comma-separated list of tags, from which the host
   * picks the first it speaks, else English. Absent when there is neither.
   */
  lang?: string;
  nonce?: string;
  /** `light`, `dark` or `auto` as given; the frame takes anything else as `auto`. */
  theme?: string;
  accent?: string;
  /** The page's label for this check (`^[A-Za-z0-9_-]{1,32}$`, checked by the host). */
  action?: string;
  share?: true;
  debug?: true;
  onResult?: (result: KycvsResult) => void;
  onError?: (error: KycvsErrorData) => void;
  onEvent?: (event: KycvsEvent) => void;
  onExpired?: () => void;
}

type Fn = (value: never) => void;

/**
 * Reads `key` only when it is an own property: a polluted `Object.prototype` (a common bug on
 * busy host pages) must not be able to supply a provider or a callback.
 */
export const own = (o: unknown, key: string): unknown =>
  o && {}.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : undefined;

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const fn = (v: unknown) => (typeof v === 'function' ? (v as Fn) : undefined);

/** Checks `KYCVS.render()` options; throws `UNKNOWN_PROVIDER` without a provider id. */
export function readOptions(raw: unknown, pageLang: unknown): ResolvedOptions {
  const provider = str(own(raw, 'provider'));
  if (!provider) {
    throw loaderError('UNKNOWN_PROVIDER', 'KYCVS.render() needs options.provider.');
  }
  // No prototype: `o.theme` must not find a polluted Object.prototype's `theme` when it is unset.
  const o = { __proto__: null, provider } as ResolvedOptions;
  const lang = [own(raw, 'lang'), pageLang].filter(str).join();
  if (lang) o.lang = lang;
  for (const key of ['nonce', ...TEXT_OPTIONS] as const) {
    const value = str(own(raw, key));
    if (value) o[key] = value;
  }
  if (own(raw, 'share') === true) o.share = true;
  if (own(raw, 'debug') === true) o.debug = true;
  for (const key of CALLBACK_OPTIONS) {
    const f = fn(own(raw, key));
    // Each key gets the function the caller passed under that key.
    if (f) o[key] = f as never;
  }
  return o;
}

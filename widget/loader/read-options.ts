import { loaderError } from './loader-error';
import type { KycvsErrorData, KycvsEvent, KycvsResult, Theme } from './types';

/** Options after checking: every field has the right type or is absent. */
export interface ResolvedOptions {
  provider: string;
  /**
   * The language asked for, then the page's: a comma-separated list of tags, from which the host
   * picks the first it speaks, else English. Absent when there is neither.
   */
  lang?: string;
  nonce?: string;
  theme?: Theme;
  accent?: string;
  share?: true;
  debug?: true;
  onResult?: (result: KycvsResult) => void;
  onError?: (error: KycvsErrorData) => void;
  onEvent?: (event: KycvsEvent) => void;
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
    throw loaderError('UNKNOWN_PROVIDER', 'KYCVS.render() needs options.provider, your provider id.');
  }
  const theme = own(raw, 'theme');
  // No prototype: `o.theme` must not find a polluted Object.prototype's `theme` when it is unset.
  const o = { __proto__: null, provider } as ResolvedOptions;
  const lang = [own(raw, 'lang'), pageLang].filter(str).join();
  if (lang) o.lang = lang;
  const nonce = str(own(raw, 'nonce'));
  if (nonce) o.nonce = nonce;
  if (theme === 'light' || theme === 'dark' || theme === 'auto') o.theme = theme;
  // Checked by the frame, which ignores anything but `#rrggbb` (widget/theme/): fewer bytes here.
  const accent = str(own(raw, 'accent'));
  if (accent) o.accent = accent;
  if (own(raw, 'share') === true) o.share = true;
  if (own(raw, 'debug') === true) o.debug = true;
  for (const key of ['onResult', 'onError', 'onEvent'] as const) {
    const f = fn(own(raw, key));
    // Each key gets the function the caller passed under that key.
    if (f) o[key] = f as never;
  }
  return o;
}

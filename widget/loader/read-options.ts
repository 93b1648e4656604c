import { ErrorCode } from '../protocol/errors';
import { chooseLang } from './languages';
import { loaderError } from './loader-error';
import type { KycvsErrorData, KycvsEvent, KycvsResult, Lang, Theme } from './types';

/** Options after checking: every field has the right type or is absent. */
export interface ResolvedOptions {
  provider: string;
  lang: Lang;
  nonce?: string;
  theme?: Theme;
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
    throw loaderError(
      ErrorCode.UNKNOWN_PROVIDER,
      'KYCVS.render() needs options.provider, a provider id registered with the host.',
    );
  }
  const theme = own(raw, 'theme');
  const o: ResolvedOptions = { provider, lang: chooseLang(own(raw, 'lang'), pageLang) };
  const nonce = str(own(raw, 'nonce'));
  if (nonce) o.nonce = nonce;
  if (theme === 'light' || theme === 'dark' || theme === 'auto') o.theme = theme;
  for (const key of ['onResult', 'onError', 'onEvent'] as const) {
    const f = fn(own(raw, key));
    // Each key gets the function the caller passed under that key.
    if (f) o[key] = f as never;
  }
  return o;
}

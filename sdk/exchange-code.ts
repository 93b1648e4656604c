import type { SiteverifyVerdict } from '../contract';
import { askSiteverify, type SiteverifyOptions } from './siteverify';

/** `exchangeCode`'s options: siteverify's, with the `secret` required, since a code is never exchanged without it. */
export interface ExchangeCodeOptions extends SiteverifyOptions {
  /**
   * Your provider's `secret` from the host's registry: every provider with `redirect_uris` has one.
   * Keep it on your server only.
   * @default none: required
   * @example process.env.KYCVS_SECRET
   */
  secret: string;
}

/**
 * Exchanges redirect mode's `code` (the `code` of `redirect_uri?code=…&state=…`, docs/redirect.md)
 * at the host's siteverify, from your server, for the verdict a status token would give: `status`,
 * `aud`, `sub`, `origin` (your redirect URI's), and the details your scope allows. A code is good
 * once, for 60 seconds; a second exchange answers `code-already-used` unless it repeats the first
 * one's `idempotencyKey`, which makes a retry after a lost answer safe. Check `state` against the
 * one you sent before you exchange. Rejects as `siteverify` does: a `SiteverifyError` when no
 * verdict came back, a `TypeError` for a mistake in the options.
 *
 * @example
 * // GET /kycvs/return?code=…&state=…
 * if (url.searchParams.get('state') !== session.kycvsState) return refuse('a link not ours');
 * const verdict = await exchangeCode(url.searchParams.get('code') ?? '', {
 *   host: 'https://kycvs.example',
 *   secret: process.env.KYCVS_SECRET,
 *   idempotencyKey: `booking-${booking.id}`,
 * });
 * if (verdict.success) confirm(booking, verdict.status, verdict.beneficiary);
 * else refuse(verdict['error-codes']);
 */
export function exchangeCode(code: string, options: ExchangeCodeOptions): Promise<SiteverifyVerdict> {
  if (typeof options?.secret !== 'string' || options.secret === '') {
    return Promise.reject(new TypeError("exchangeCode: your provider's secret is required."));
  }
  return askSiteverify({ code }, options);
}

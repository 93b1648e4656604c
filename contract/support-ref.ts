/**
 * Support references (docs/support.md): eight characters of Crockford's base32 (no I, L, O or U,
 * so that a clerk reading one aloud over the phone cannot confuse them), random, with no personal
 * data in them. The host gives one to every answer of the widget's API and logs it; the widget
 * makes its own for a fault the host never saw (offline, a timeout).
 */
export const SUPPORT_REF_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const SUPPORT_REF_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/** A new reference; `random` fills the bytes (tests pass their own). */
export function newSupportRef(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  // 32 symbols: the low five bits of each byte pick one evenly.
  return Array.from(random(new Uint8Array(8)), (byte) => SUPPORT_REF_ALPHABET[byte & 31]).join('');
}

import { NO_INLINE, type InlineSources } from './inline-sources';

/**
 * Headers for frame.html. The CSP allows only our own scripts, styles and API, and of what is
 * inline only what `inline` names by its hash (the template's early script and stylesheet; the
 * frame's config travels in a <meta>). `frame-ancestors` lets only the provider's registered
 * origins embed it: the browser itself refuses every other page.
 */
export function frameHeaders(
  frameAncestors: readonly string[],
  inline: InlineSources = NO_INLINE,
): Record<string, string> {
  const ancestors = frameAncestors.length ? frameAncestors.join(' ') : "'none'";
  return {
    'content-security-policy': [
      "default-src 'none'",
      ["script-src 'self'", ...inline.scripts].join(' '),
      ["style-src 'self'", ...inline.styles].join(' '),
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors ${ancestors}`,
    ].join('; '),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    // WebOTP inside the iframe needs otp-credentials; nothing else powerful is used.
    'permissions-policy': 'otp-credentials=(self), camera=(), microphone=(), geolocation=(), payment=()',
    'cache-control': 'no-cache',
  };
}

/** Every API answer: never cached, never sniffed. */
export const apiHeaders: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

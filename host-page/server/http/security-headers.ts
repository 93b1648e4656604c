/**
 * Headers for frame.html. The CSP allows only our own scripts, styles and API (no inline script:
 * the frame's config travels in a <meta>), and `frame-ancestors` lets only the provider's
 * registered origins embed it: the browser itself refuses every other page.
 */
export function frameHeaders(frameAncestors: readonly string[]): Record<string, string> {
  const ancestors = frameAncestors.length ? frameAncestors.join(' ') : "'none'";
  return {
    'content-security-policy': [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
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

import type { RedirectProblem } from './request';

/** What each problem means, for whoever reads the page: most often the provider's developer. */
const sentences: Record<RedirectProblem, string> = {
  UNKNOWN_PROVIDER: 'The service that sent you here is not registered with CoWIN for this check.',
  REDIRECT_URI_NOT_REGISTERED:
    'The address this check would send you back to (redirect_uri) is not one the service registered with CoWIN.',
  BAD_STATE: 'The link has no valid state parameter (1 to 512 printable characters, no spaces).',
  REPEATED_PARAMETER: 'The link names provider, redirect_uri or state more than once.',
};

/**
 * The plain page redirect mode answers instead of redirecting (HTTP 400): nothing is sent back to an
 * address the provider did not register, not even an error (RFC 6749 §4.1.2.1). Static text: it
 * repeats nothing from the request, so that no link can make it say something else.
 */
export function redirectErrorPage(problem: RedirectProblem): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>This vaccination status check cannot start</title>
  </head>
  <body>
    <main>
      <h1>This vaccination status check cannot start</h1>
      <p id="problem" data-problem="${problem}">${sentences[problem]}</p>
      <p>Go back to the service and try again. If this happens again, tell the service: its link needs fixing (docs/redirect.md).</p>
    </main>
  </body>
</html>
`;
}

/** Nothing may run, load or frame it. */
export const redirectErrorHeaders: Record<string, string> = {
  'content-security-policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

import { REDIRECT_STATE_PATTERN } from '../../../contract';
import type { Provider, ProviderRegistry } from '../registry';

/** Why `GET /verify` refuses to start: each is a mistake of the provider's link, shown on a plain page. */
export type RedirectProblem = 'UNKNOWN_PROVIDER' | 'REDIRECT_URI_NOT_REGISTERED' | 'BAD_STATE' | 'REPEATED_PARAMETER';

export type RedirectRequest =
  { ok: true; provider: Provider; redirectUri: string; state: string } | { ok: false; problem: RedirectProblem };

/** The parameters whose one value decides where the person goes, or what goes with them. */
const SINGLE = ['provider', 'redirect_uri', 'state'] as const;

/**
 * Reads redirect mode's request (docs/redirect.md, "Starting"). The provider must be registered and
 * `redirect_uri` one of its `redirect_uris`, compared exactly (RFC 9700 §4.1.3): anything else is
 * refused before a redirect could happen, so that the host never sends anyone, or any code, to a
 * place the provider did not register. `state` is required (RFC 9700 §2.1: without PKCE it is
 * the client's CSRF defence) and bounded; it is echoed back byte for byte.
 */
export function readRedirectRequest(
  registry: ProviderRegistry,
  queries: (name: string) => string[] | undefined,
): RedirectRequest {
  // A parameter given twice is ambiguous, and one reader may take the first where another takes the last.
  if (SINGLE.some((name) => (queries(name)?.length ?? 0) > 1)) return { ok: false, problem: 'REPEATED_PARAMETER' };
  const value = (name: (typeof SINGLE)[number]) => queries(name)?.[0];
  const provider = registry.get(value('provider') ?? '');
  if (!provider) return { ok: false, problem: 'UNKNOWN_PROVIDER' };
  const redirectUri = value('redirect_uri');
  if (redirectUri === undefined || !provider.redirect_uris?.includes(redirectUri)) {
    return { ok: false, problem: 'REDIRECT_URI_NOT_REGISTERED' };
  }
  const state = value('state');
  if (state === undefined || !REDIRECT_STATE_PATTERN.test(state)) return { ok: false, problem: 'BAD_STATE' };
  return { ok: true, provider, redirectUri, state };
}

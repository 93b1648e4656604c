import { API_ENDPOINTS, type EmbedCheck } from '../../../contract';
import { messages } from './messages';
import type { Say } from './say';

export type { EmbedCheck };

/** The URL that asks `host` whether `provider` may be embedded by `origin`. */
export const embedCheckUrl = (host: string, provider: string, origin: string): string =>
  `${host}${API_ENDPOINTS.embedCheck}?provider=${encodeURIComponent(provider)}&origin=${encodeURIComponent(origin)}`;

/**
 * Asks the host; undefined when it cannot say (an older host without the endpoint, a network
 * failure, an answer of another shape). An unknown provider and an unregistered page look alike
 * from the page: the frame never says `ready` (frame-ancestors refuses it), so only the host can
 * tell them apart, and it already tells anyone who reads frame.html's CSP header.
 */
export async function fetchEmbedCheck(
  fetcher: typeof fetch,
  host: string,
  provider: string,
  origin: string,
): Promise<EmbedCheck | undefined> {
  try {
    const response = await fetcher(embedCheckUrl(host, provider, origin), {
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!response.ok) return undefined;
    const body: unknown = await response.json();
    const { provider: p, origin: o } = (body ?? {}) as Record<string, unknown>;
    return typeof p === 'boolean' && typeof o === 'boolean' ? { provider: p, origin: o } : undefined;
  } catch {
    return undefined;
  }
}

/** Says what the check found; true when both provider and origin are fine. */
export function reportEmbedCheck(
  say: Say,
  check: EmbedCheck | undefined,
  { provider, origin, host }: { provider: string; /** The page's. */ origin: string; host: string },
): boolean {
  if (!check) {
    // A page that serves its own copy of embed.js asks itself, and gets no answer.
    say('warn', host === origin ? messages.ownOriginCopy(host) : messages.checkUnavailable(host));
    return false;
  }
  if (!check.provider) say('warn', messages.unknownProvider(provider, host));
  else if (!check.origin) say('warn', messages.originNotAllowed(provider, origin, host));
  else say('info', messages.registered(provider, origin, host));
  return check.provider && check.origin;
}

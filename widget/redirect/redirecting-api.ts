import type { ApiClient } from '../api';
import { returnUrl } from './return-url';

/** Redirect mode's `redirect_uri` and the provider's `state`, from the host's config. */
export interface RedirectTarget {
  uri: string;
  state: string;
}

/** Where **Cancel** goes: back without a result, as OAuth's `access_denied` (RFC 6749 §4.1.2.1). */
export const cancelUrl = ({ uri, state }: RedirectTarget) => returnUrl(uri, { error: 'access_denied', state });

/**
 * The API client of redirect mode's flow: `/verify` carries the `redirect_uri`, so that the host
 * answers a one-time code for it, and a result with its code leaves for the `redirect_uri` with the
 * code and the state. A failure stays on the page, to try again or to cancel. Only the code travels
 * in the URL: never the name, the mobile or the status (docs/redirect.md).
 */
export function withRedirect(api: ApiClient, target: RedirectTarget, navigate: (url: string) => void): ApiClient {
  return {
    ...api,
    async verify(request) {
      const answer = await api.verify({ ...request, redirectUri: target.uri });
      if (answer.ok && answer.data.code !== undefined) {
        navigate(returnUrl(target.uri, { code: answer.data.code, state: target.state }));
      }
      return answer;
    },
  };
}

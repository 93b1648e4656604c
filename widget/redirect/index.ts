// Redirect mode's page (`GET /verify`, docs/redirect.md); loaded only there (`config.redirect`).
import type { ApiClient } from '../api';
import { showRedirectBar, type SpeechSource } from './redirect-bar';
import { cancelUrl, withRedirect, type RedirectTarget } from './redirecting-api';

export interface RedirectOptions {
  root: HTMLElement;
  speech: SpeechSource;
  api: ApiClient;
  redirect: RedirectTarget;
  providerName: string;
  /**
   * How the page leaves: `replace`, so that Back does not return to a check already spent.
   * @default (url) => location.replace(url)
   */
  navigate?: (url: string) => void;
}

/** Shows redirect mode's banner with **Cancel**, and answers the API client the flow must use. */
export function startRedirect({
  root,
  speech,
  api,
  redirect,
  providerName,
  navigate = (url) => location.replace(url),
}: RedirectOptions): ApiClient {
  showRedirectBar(root, speech, providerName, () => navigate(cancelUrl(redirect)));
  return withRedirect(api, redirect, navigate);
}

import type { Hono } from 'hono';
import { isSupportedLanguage, type FrameConfig } from '../../../contract';
import { inlineSourcesOf, type InlineSources } from '../http/inline-sources';
import { frameHeaders } from '../http/security-headers';
import { readRedirectRequest, redirectErrorHeaders, redirectErrorPage } from '../redirect';
import type { ProviderRegistry } from '../registry';
import { bestLanguage } from '../standalone';
import { renderFrame } from './frame';

/** The path of redirect mode's page (docs/redirect.md): a name integrators rely on. */
export const REDIRECT_PATH = '/verify';

/**
 * Redirect mode's page headers: as CoWIN's own page, no one may frame it (a framed page could be
 * clicked through unseen) nor keep a handle on it; never cached, since its URL holds the state.
 */
function redirectHeaders(inline: InlineSources): Record<string, string> {
  return {
    ...frameHeaders([], inline),
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'cache-control': 'no-store',
  };
}

/**
 * `GET /verify?provider=ID&redirect_uri=URI&state=STATE[&lang=]` (docs/redirect.md): the whole check
 * on the host's own top-level page, for apps, WebViews and pages that cannot frame the widget. The
 * same built frame.html, told to send the person back to `redirect_uri` with a code or an error.
 * A request that is not exactly right gets a plain 400 page, and no redirect at all.
 */
export function redirectRoute(app: Hono, registry: ProviderRegistry, template: string): void {
  const inline = inlineSourcesOf(template);
  app.get(REDIRECT_PATH, (c) => {
    const request = readRedirectRequest(registry, (name) => c.req.queries(name));
    if (!request.ok) return c.html(redirectErrorPage(request.problem), 400, redirectErrorHeaders);
    const { provider, redirectUri, state } = request;
    const lang = c.req.query('lang');
    const config: FrameConfig = {
      provider: { id: provider.id, name: provider.name, scope: provider.scope },
      parentOrigin: null,
      refusal: null,
      lang: isSupportedLanguage(lang) ? lang : (bestLanguage(c.req.header('accept-language')) ?? 'en'),
      instance: '',
      redirect: { uri: redirectUri, state },
    };
    return c.html(renderFrame(template, config), 200, {
      ...redirectHeaders(inline),
      ...(isSupportedLanguage(lang) ? {} : { vary: 'accept-language' }),
    });
  });
}

import type { Hono } from 'hono';
import type { FrameConfig } from '../../../contract';
import { isSupportedLanguage } from '../../../contract';
import { inlineSourcesOf, type InlineSources } from '../http/inline-sources';
import { frameHeaders } from '../http/security-headers';
import { RegistryError, type ProviderRegistry } from '../registry';
import { bestLanguage, SELF_PROVIDER, type SelfCheckCookie } from '../standalone';
import { sendHtml } from '../http/compressed-html';
import { firstSteps, renderFrame } from './frame';

/**
 * The standalone page's config: the built-in `cowin-self` provider, top-level, with no parent to
 * post to and the share button always on. Language: `?lang=`, else the browser's best match, else en.
 */
function standaloneConfig(lang: string | undefined, acceptLanguage: string | undefined): FrameConfig {
  return {
    provider: { id: SELF_PROVIDER.id, name: SELF_PROVIDER.name, scope: [...SELF_PROVIDER.scope] },
    parentOrigin: null,
    refusal: null,
    lang: isSupportedLanguage(lang) ? lang : (bestLanguage(acceptLanguage) ?? 'en'),
    instance: '',
    share: true,
    standalone: true,
  };
}

/** frame.html's headers, for a page that no one may frame and no opener may keep a handle on. */
function standaloneHeaders(inline: InlineSources): Record<string, string> {
  return {
    ...frameHeaders([], inline),
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': 'DENY',
    // The language follows Accept-Language, so a shared cache must keep one copy per language.
    vary: 'accept-language',
  };
}

/**
 * `GET /`: "Know Your Vaccination Status", the page a citizen reaches from CoWIN's home page. The
 * same built frame.html as the widget's, opened top-level, checking the person's own status.
 */
export function standaloneRoute(
  app: Hono,
  registry: ProviderRegistry,
  template: string,
  cookie: SelfCheckCookie,
): void {
  // A registered provider with this id would own the standalone page's tokens at siteverify.
  if (registry.get(SELF_PROVIDER.id)) {
    throw new RegistryError(`the provider id "${SELF_PROVIDER.id}" is reserved for CoWIN's own page: rename it.`);
  }
  const inline = inlineSourcesOf(template);
  const firstStep = firstSteps();
  app.get('/', async (c) => {
    const config = standaloneConfig(c.req.query('lang'), c.req.header('accept-language'));
    // The visit's cookie: the API knows `cowin-self` only from this page's own calls (SECURITY.md).
    // A valid one is kept, so a reload or a second tab does not end a check already under way.
    const kept = cookie.read(c.req.header('cookie')) !== undefined;
    // The banner and the form, rendered (docs/architecture.md, "The first paint"); when that fails,
    // the page's script draws them, as it would without.
    const first = await firstStep(config).catch(() => undefined);
    return sendHtml(c, renderFrame(template, config, first ? { first } : {}), 200, {
      ...standaloneHeaders(inline),
      ...(kept ? {} : { 'set-cookie': cookie.issue() }),
    });
  });
}

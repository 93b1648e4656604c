import type { Hono } from 'hono';
import { ACTION_PATTERN, NONCE_PATTERN, type FrameConfig } from '../../../contract';
import { appTitles, preferredLanguage } from '../../../contract';
import { frameHeaders } from '../http/security-headers';
import type { ProviderRegistry } from '../registry';

/** Escapes text for a double-quoted HTML attribute. */
function attribute(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Escapes text for an element's content. */
function text(value: string): string {
  return value.replace(/[&<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The frame's config, decided on the server from the URL and the registry. */
export function frameConfigFor(registry: ProviderRegistry, query: (name: string) => string | undefined): FrameConfig {
  const lang = query('lang');
  const instance = query('instance') ?? '';
  const nonce = query('nonce');
  const action = query('action');
  const provider = registry.get(query('provider') ?? '');
  const origin = query('origin');
  const originAllowed = !!provider && !!origin && provider.allowed_origins.includes(origin);
  return {
    provider: provider
      ? { id: provider.id, name: provider.name, scope: provider.scope }
      : { id: '', name: '', scope: ['status'] },
    parentOrigin: originAllowed ? origin : null,
    refusal: !provider ? 'UNKNOWN_PROVIDER' : originAllowed ? null : 'ORIGIN_NOT_ALLOWED',
    // `lang` may list several tags, in order of preference: the loader sends `data-lang`, then
    // the page's <html lang>.
    lang: preferredLanguage(lang),
    instance: /^[\w-]{0,64}$/.test(instance) ? instance : '',
    ...(nonce !== undefined && NONCE_PATTERN.test(nonce) ? { nonce } : {}),
    // The page's label for this form, signed into the token (docs/api.md, "action"); dropped as a
    // bad nonce is, so that the frame never sends /verify what it would refuse.
    ...(action !== undefined && ACTION_PATTERN.test(action) ? { action } : {}),
    // The embedding asked for the share button (`data-share`); a display choice, like `lang`.
    share: query('share') === '1',
  };
}

export function renderFrame(template: string, config: FrameConfig): string {
  return (
    template
      // Function replacers: a replacement string would read `$&`, `$'`… in the config as patterns.
      .replace('<html lang="en">', () => `<html lang="${config.lang}">`)
      // The title in the page's language from the first byte, not once the script has run.
      .replace(/<title>[^<]*<\/title>/, () => `<title>${text(appTitles[preferredLanguage(config.lang)])}</title>`)
      .replace(
        '<!--kycvs-config-->',
        () => `<meta name="kycvs-config" content="${attribute(JSON.stringify(config))}" />`,
      )
  );
}

/**
 * `GET /frame.html?provider=ID&origin=ORIGIN[&lang&nonce&action&instance&share]`. An unknown provider is refused
 * and may be framed by no one; a known one may be framed only by its registered origins, and
 * talks only to `origin` when that is one of them.
 */
export function frameRoute(app: Hono, registry: ProviderRegistry, template: string): void {
  app.get('/frame.html', (c) => {
    const config = frameConfigFor(registry, (name) => c.req.query(name));
    const provider = registry.get(config.provider.id);
    const status = config.refusal === 'UNKNOWN_PROVIDER' ? 404 : config.refusal ? 403 : 200;
    return c.html(renderFrame(template, config), status, frameHeaders(provider?.allowed_origins ?? []));
  });
}

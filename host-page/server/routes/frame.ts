import type { Hono } from 'hono';
import { ACTION_PATTERN, NONCE_PATTERN, type FrameConfig } from '../../../contract';
import { appTitles, preferredLanguage } from '../../../contract';
import { accentRules, readTheme, renderFirstStep, type FirstStep } from '../../../widget/prerender';
import { sendHtml } from '../http/compressed-html';
import { hashSource, inlineSourcesOf } from '../http/inline-sources';
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

/** What the host adds to the plain frame so that its first paint is the form, in the page's colours. */
export interface FirstPaint {
  /** The details step and the notice for a script that cannot come, rendered by widget/prerender/. */
  first?: FirstStep;
  /** The page's `theme`, when it is not `auto` (the frame's script sets the same). */
  theme?: 'light' | 'dark';
  /** The accent's `:root` rules, when the page gave a colour (the frame's script sets the same). */
  accent?: string;
}

export function renderFrame(template: string, config: FrameConfig, paint: FirstPaint = {}): string {
  const { first, theme, accent } = paint;
  return (
    template
      // Function replacers: a replacement string would read `$&`, `$'`… in the config as patterns.
      .replace('<html lang="en">', () => `<html lang="${config.lang}"${theme ? ` data-theme="${theme}"` : ''}>`)
      // The title in the page's language from the first byte, not once the script has run.
      .replace(/<title>[^<]*<\/title>/, () => `<title>${text(appTitles[preferredLanguage(config.lang)])}</title>`)
      .replace(
        '<!--kycvs-config-->',
        () => `<meta name="kycvs-config" content="${attribute(JSON.stringify(config))}" />`,
      )
      .replace('</head>', () => (accent ? `<style>${accent}</style></head>` : '</head>'))
      .replace('<div id="app"></div>', () =>
        first
          ? `${first.banner ?? ''}<div id="app" data-prerendered>${first.form}</div>` +
            `<div id="kycvs-start-failed" hidden>${first.startFailed}</div>`
          : '<div id="app"></div>',
      )
  );
}

/** Rendered first steps kept, at most: 12 languages for each of this many providers. */
const FIRST_STEPS_KEPT = 12 * 200;

/**
 * The first step by language and provider (and for CoWIN's own page), rendered once (about half a millisecond of CPU each):
 * its markup depends on nothing else, and the registry does not change while the host runs. The
 * oldest goes first past `FIRST_STEPS_KEPT`; a render that failed is not kept.
 */
export function firstSteps(): (config: FrameConfig) => Promise<FirstStep> {
  const kept = new Map<string, Promise<FirstStep>>();
  return (config) => {
    const ownPage = !!config.standalone;
    const key = `${config.lang}\n${config.provider.id}\n${ownPage}`;
    let first = kept.get(key);
    if (!first) {
      first = renderFirstStep(config, ownPage);
      kept.set(key, first);
      first.catch(() => kept.delete(key));
      if (kept.size > FIRST_STEPS_KEPT) kept.delete(kept.keys().next().value!);
    }
    return first;
  };
}

/**
 * `GET /frame.html?provider=ID&origin=ORIGIN[&lang&nonce&action&instance&share]`. An unknown provider is refused
 * and may be framed by no one; a known one may be framed only by its registered origins, and
 * talks only to `origin` when that is one of them.
 */
export function frameRoute(app: Hono, registry: ProviderRegistry, template: string): void {
  const inline = inlineSourcesOf(template);
  const firstStep = firstSteps();
  app.get('/frame.html', async (c) => {
    const config = frameConfigFor(registry, (name) => c.req.query(name));
    const provider = registry.get(config.provider.id);
    const status = config.refusal === 'UNKNOWN_PROVIDER' ? 404 : config.refusal ? 403 : 200;
    // A refused frame shows a notice, which its script renders: there is no form to prerender. Nor
    // when the render fails: the script then draws the form itself, as it would without the host's.
    const first = config.refusal ? undefined : await firstStep(config).catch(() => undefined);
    const accent = accentRules(c.req.query('accent'));
    const theme = readTheme(new URL(c.req.url).search);
    const paint: FirstPaint = {
      ...(first ? { first } : {}),
      ...(accent ? { accent } : {}),
      ...(theme !== 'auto' ? { theme } : {}),
    };
    const headers = frameHeaders(provider?.allowed_origins ?? [], {
      scripts: inline.scripts,
      styles: accent ? [...inline.styles, hashSource(accent)] : inline.styles,
    });
    return sendHtml(c, renderFrame(template, config, paint), status, headers);
  });
}

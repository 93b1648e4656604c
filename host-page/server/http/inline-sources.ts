import { createHash } from 'node:crypto';

/**
 * What frame.html carries inline, allowed by the CSP one by one through their hashes rather than by
 * `'unsafe-inline'` (docs/csp.md): the template's own script and stylesheet, and per response the
 * accent's rules, which the host writes from a checked colour.
 */
export interface InlineSources {
  scripts: readonly string[];
  styles: readonly string[];
}

export const NO_INLINE: InlineSources = { scripts: [], styles: [] };

/** A CSP hash source for an inline element whose text is `content`, byte for byte. */
export const hashSource = (content: string): string =>
  `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;

const contents = (html: string, tag: 'script' | 'style'): string[] =>
  // Only elements without attributes: a `<script src>` is not inline, and the template has no other kind.
  [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);

/**
 * The hashes of the inline scripts and styles of frame.html's template: the built file, read at
 * start, never a rendered page, whose text carries values from the request.
 */
export function inlineSourcesOf(template: string): InlineSources {
  return { scripts: contents(template, 'script').map(hashSource), styles: contents(template, 'style').map(hashSource) };
}

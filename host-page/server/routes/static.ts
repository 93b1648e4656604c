import { join } from 'node:path';
import type { Hono } from 'hono';
import { PROTOCOL_VERSION } from '../../../contract';
import { sendBuiltFile } from '../http/built-file';

/** embed.js keeps its name across releases: pages get a fix within five minutes, then revalidate (ETag). */
const EMBED_CACHE = 'public, max-age=300';
/**
 * `/v1/embed.js` changes only with a release that says so in CHANGELOG.md, with its new integrity
 * hash (docs/versions.md): a week in the browser's cache costs nothing, and spares every page of
 * a portal a revalidation. A page pinned by SRI must take the new hash with the release anyway.
 */
const VERSIONED_EMBED_CACHE = 'public, max-age=604800';

/** The versioned loader's path: the protocol it speaks, which a page can rely on not changing. */
export const VERSIONED_EMBED_PATH = `/v${PROTOCOL_VERSION}/embed.js`;
/** Hashed assets never change: a new build gives them new names. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';

/**
 * One path segment of the assets folder: no dot in front (no `..`, no hidden file), no `%` (so
 * nothing that decodes to a slash), and not a precompressed copy, which is only sent for its file.
 */
const ASSET_NAME = '[A-Za-z0-9_][A-Za-z0-9_.-]*';
const isCopy = (name: string) => /\.(br|gz)$/.test(name);

/**
 * Built files, brotli or gzip as the browser allows (the build writes both beside each file).
 * frame.html is not among them: it is rendered per request (routes/frame.ts), `no-cache`.
 */
export function staticRoutes(app: Hono, distDir: string): void {
  // The same file under two names (docs/versions.md): the always-latest alias and the versioned
  // one. CORS for both, so that a page may load either with `integrity` and `crossorigin`.
  for (const [path, cache] of [
    ['/embed.js', EMBED_CACHE],
    [VERSIONED_EMBED_PATH, VERSIONED_EMBED_CACHE],
  ] as const) {
    app.get(path, async (c) => {
      const response = await sendBuiltFile(c, join(distDir, 'embed.js'), {
        'cache-control': cache,
        'access-control-allow-origin': '*',
        'x-content-type-options': 'nosniff',
      });
      return response ?? c.notFound();
    });
  }

  app.get(`/assets/:name{${ASSET_NAME}}`, async (c) => {
    const name = c.req.param('name');
    const response = isCopy(name)
      ? null
      : await sendBuiltFile(c, join(distDir, 'frame', 'assets', name), {
          'cache-control': ASSET_CACHE,
          'x-content-type-options': 'nosniff',
        });
    return response ?? c.notFound();
  });
}

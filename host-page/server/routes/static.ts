import { join } from 'node:path';
import type { Hono } from 'hono';
import { sendBuiltFile } from '../http/built-file';

/** embed.js keeps its name across releases: pages get a fix within five minutes, then revalidate (ETag). */
const EMBED_CACHE = 'public, max-age=300';
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
  app.get('/embed.js', async (c) => {
    const response = await sendBuiltFile(c, join(distDir, 'embed.js'), {
      'cache-control': EMBED_CACHE,
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    });
    return response ?? c.notFound();
  });

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

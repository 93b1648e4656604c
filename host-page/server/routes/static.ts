import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/**
 * Built files. Hashed assets never change, so they are cached for a year; embed.js keeps its
 * name across releases, so it is cached for five minutes only.
 */
export function staticRoutes(app: Hono, distDir: string): void {
  app.get(
    '/embed.js',
    async (c, next) => {
      await next();
      c.header('cache-control', 'public, max-age=300');
      c.header('access-control-allow-origin', '*');
    },
    serveStatic({ root: distDir, path: 'embed.js' }),
  );

  app.get(
    '/assets/*',
    async (c, next) => {
      await next();
      if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable');
      c.header('x-content-type-options', 'nosniff');
    },
    serveStatic({ root: `${distDir}/frame` }),
  );
}

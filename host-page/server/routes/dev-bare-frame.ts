import type { Hono } from 'hono';
import { sendHtml } from '../http/compressed-html';
import { frameHeaders } from '../http/security-headers';
import type { ProviderRegistry } from '../registry';

/** One labelled input and nothing else: no script, no style. */
const BARE_FRAME = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Bare frame</title>
  </head>
  <body>
    <label>Full name <input name="name" autocomplete="name" /></label>
  </body>
</html>
`;

/**
 * Mock mode only: `GET /__dev__/bare-frame.html?provider=ID`, the least a frame can be, served by
 * the same host with frame.html's headers (the provider's `frame-ancestors`) and compression. `npm run bench`
 * times the widget's frame to a usable form against it (scripts/bench/timing.ts).
 */
export function devBareFrameRoute(app: Hono, registry: ProviderRegistry): void {
  app.get('/__dev__/bare-frame.html', (c) => {
    const provider = registry.get(c.req.query('provider') ?? '');
    return sendHtml(c, BARE_FRAME, provider ? 200 : 404, frameHeaders(provider?.allowed_origins ?? []));
  });
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

export interface DemoAppOptions {
  /** The host's origin, written into the pages' script tags and frame URLs. */
  hostOrigin: string;
  demoDir: string;
}

const pages: Record<string, string> = {
  '/': 'index.html',
  '/travel': 'travel.html',
  '/portal': 'portal.html',
  '/js-api': 'js-api.html',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * The demo provider site, on its own origin (http://localhost:5173) so that the widget is
 * cross-site as in real use: a travel agency's form, a portal's direct iframe, a mock phone.
 */
export function createDemoApp({ hostOrigin, demoDir }: DemoAppOptions): Hono {
  const app = new Hono();
  for (const [path, file] of Object.entries(pages)) {
    const html = readFileSync(join(demoDir, 'pages', file), 'utf8').replaceAll('{{HOST}}', hostOrigin);
    app.get(path, (c) => c.html(html));
  }
  app.get('/assets/*', serveStatic({ root: demoDir }));
  // Browsers ask for it on every page; an empty answer keeps their consoles quiet.
  app.get('/favicon.ico', (c) => c.body(null, 204));

  // The travel agency's back office: shows what a plain form post carried.
  app.post('/booking', async (c) => {
    const form = await c.req.parseBody();
    const status = typeof form['kycvs-status'] === 'string' ? form['kycvs-status'] : '(none)';
    const token = typeof form['kycvs-token'] === 'string' ? form['kycvs-token'] : '';
    return c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Booking received</title>` +
        `<link rel="stylesheet" href="/assets/demo.css"></head><body><main>` +
        `<h1>Booking received</h1><p>Vaccination status: <strong id="received-status">${escapeHtml(status)}</strong></p>` +
        `<p>Signed token (${token.length} characters): <code id="received-token">${escapeHtml(token)}</code></p>` +
        `<p><a href="/travel">Back to the booking form</a></p></main></body></html>`,
    );
  });
  return app;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { JSONWebKeySet } from 'jose';
import { appRoutes } from './app';
import { createBookingCheck } from './booking';
import { bookingPage } from './booking-page';
import { streamedPage } from './streamed-page';

export interface DemoAppOptions {
  /** The host's origin, written into the pages' script tags and frame URLs; the tokens' issuer. */
  hostOrigin: string;
  demoDir: string;
  /**
   * The React page's build (`vite build --mode react-demo`), served at /react. The host passes
   * `demo-react/` in its build folder (KYCVS_DIST_DIR, read by its config alone).
   * @default dist/demo-react beside demoDir
   */
  reactDir?: string;
  /** The host's public keys, for tests; by default the back office fetches the host's JWKS. */
  jwks?: JSONWebKeySet;
  now?: () => number;
}

const pages: Record<string, string> = {
  '/': 'index.html',
  '/travel': 'travel.html',
  '/counter': 'counter.html',
  '/portal': 'portal.html',
  '/js-api': 'js-api.html',
  '/builder': 'builder.html',
  // For `npm run bench` (scripts/bench/): the widget by its script tag (alone, and with its frame
  // written into the page) and by a direct iframe, and a bare iframe to time them against.
  '/bench/widget': 'bench-widget.html',
  '/bench/portal': 'bench-portal.html',
  '/bench/written': 'bench-written.html',
  '/bench/bare': 'bench-bare.html',
  '/bench/cycles': 'bench-cycles.html',
};

const field = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The demo provider site, on its own origin (http://localhost:5173) so that the widget is
 * cross-site as in real use: a travel agency's form and its back office, a portal's direct
 * iframe, the JavaScript API, a snippet builder, a mock phone.
 */
export function createDemoApp({ hostOrigin, demoDir, reactDir, jwks, now }: DemoAppOptions): Hono {
  const app = new Hono();
  for (const [path, file] of Object.entries(pages)) {
    const html = readFileSync(join(demoDir, 'pages', file), 'utf8').replaceAll('{{HOST}}', hostOrigin);
    // {{PAGE_ORIGIN}}: this page's own origin, as a portal's server writes it into frame.html's URL.
    app.get(path, (c) => c.html(html.replaceAll('{{PAGE_ORIGIN}}', encodeURIComponent(new URL(c.req.url).origin))));
  }
  streamedPage(app, hostOrigin);
  app.get('/assets/*', serveStatic({ root: demoDir }));
  serveReactPage(app, hostOrigin, reactDir ?? join(demoDir, '..', 'dist', 'demo-react'));
  // The "app": redirect mode, with its back office exchanging the code (demo/app.ts).
  appRoutes(app, { hostOrigin });
  // Browsers ask for it on every page; an empty answer keeps their consoles quiet.
  app.get('/favicon.ico', (c) => c.body(null, 204));

  // The travel agency's back office: checks the signed token a plain form post carried, and
  // shows the posted `kycvs-status` beside it only to compare.
  const checkBooking = createBookingCheck({ hostOrigin, ...(jwks ? { jwks } : {}), ...(now ? { now } : {}) });
  app.post('/booking', async (c) => {
    const form = await c.req.parseBody();
    const token = field(form['kycvs-token']) ?? '';
    const status = field(form['kycvs-status']) || '(none)';
    return c.html(bookingPage(await checkBooking(token), { status, token }));
  });
  return app;
}

/**
 * The React page (demo/react/, built into `dir`): a React app that uses kycvs/react. Read when
 * asked, so that a build made after the server started is served; a plain 404 says how to build it.
 */
function serveReactPage(app: Hono, hostOrigin: string, dir: string): void {
  app.get('/react', (c) => {
    const index = join(dir, 'index.html');
    if (!existsSync(index)) return c.text('The React page is not built: run `npm run build`.', 404);
    return c.html(readFileSync(index, 'utf8').replaceAll('{{HOST}}', hostOrigin));
  });
  app.get('/react/assets/*', serveStatic({ root: dir, rewriteRequestPath: (path) => path.slice('/react'.length) }));
}

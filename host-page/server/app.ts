import { Hono } from 'hono';
import { requestLog, type Logger } from './http/log';
import { createApiLimits, type ApiLimits } from './limits';
import type { ProviderRegistry } from './registry';
import { apiRoutes } from './routes/api';
import { devBareFrameRoute } from './routes/dev-bare-frame';
import { devSmsRoute, type SmsOutbox } from './routes/dev-sms';
import { embedCheckRoute } from './routes/embed-check';
import { frameRoute } from './routes/frame';
import { jwksRoute } from './routes/jwks';
import { siteverifyRoute } from './routes/siteverify';
import { standaloneRoute } from './routes/standalone';
import { staticRoutes } from './routes/static';
import type { SigningKey } from './token';
import type { VerificationService } from './verification';

export interface HostAppOptions {
  registry: ProviderRegistry;
  service: VerificationService;
  signingKey: SigningKey;
  /** dist/frame/frame.html as built. */
  frameTemplate: string;
  distDir: string;
  demoOrigin: string;
  /** Set in mock mode only, which also mounts the other `/__dev__/` routes. */
  outbox?: SmsOutbox;
  log: Logger;
  /** @default createApiLimits(): DESIGN.md's limits per client address (the socket's) and provider */
  limits?: ApiLimits;
  /** The tokens' `iss` (KYCVS_PUBLIC_ORIGIN), which siteverify requires; default `http://127.0.0.1:5174`. */
  issuer?: string;
}

/** The CoWIN-hosted side: frame, loader, widget API, JWKS (and the mock SMS inbox in mock mode). */
export function createHostApp(options: HostAppOptions): Hono {
  const app = new Hono();
  // Contract 3's default KYCVS_PUBLIC_ORIGIN, for an app built without one (tests).
  const issuer = options.issuer ?? 'http://127.0.0.1:5174';
  app.use(requestLog(options.log));
  frameRoute(app, options.registry, options.frameTemplate);
  staticRoutes(app, options.distDir);
  // One set of counters for every widget API route: a client's calls count together.
  const limits = options.limits ?? createApiLimits({ isProvider: (id) => options.registry.get(id) !== undefined });
  apiRoutes(app, options.service, limits, issuer);
  embedCheckRoute(app, options.registry, limits);
  jwksRoute(app, options.signingKey);
  siteverifyRoute(app, options.signingKey, options.registry, issuer);
  if (options.outbox) {
    devSmsRoute(app, options.outbox, options.demoOrigin);
    devBareFrameRoute(app, options.registry);
  }
  standaloneRoute(app, options.registry, options.frameTemplate);
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    options.log({ event: 'error', path: c.req.path, error: error.name });
    return c.json({ error: { code: 'SERVER_ERROR', message: 'Something went wrong on the host. Try again.' } }, 500);
  });
  return app;
}

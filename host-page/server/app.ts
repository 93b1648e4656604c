import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { ErrorCode } from '../../contract';
import { fail, send } from './api-error';
import type { JWK } from 'jose';
import { requestLog, type Logger } from './http/log';
import { createApiLimits, type ApiLimits } from './limits';
import type { RedirectCodeStore } from './redirect';
import type { ProviderRegistry } from './registry';
import type { HostMetrics } from './observability/metrics';
import { mountApi } from './routes/api';
import { healthRoutes, type Readiness } from './routes/health';
import { devBareFrameRoute } from './routes/dev-bare-frame';
import { devSmsRoute, type SmsOutbox } from './routes/dev-sms';
import { frameRoute } from './routes/frame';
import { jwksRoute } from './routes/jwks';
import { redirectRoute } from './routes/redirect';
import { standaloneRoute } from './routes/standalone';
import { staticRoutes } from './routes/static';
import { SiteverifyErrorCode, type TokenDetailsStore, type UsedTokenStore } from './siteverify';
import { createSelfCheckCookie, type SelfCheckCookie } from './standalone';
import { StateUnavailableError } from './state';
import type { SigningKey } from './token';
import type { VerificationService } from './verification';

export interface HostAppOptions {
  registry: ProviderRegistry;
  service: VerificationService;
  signingKey: SigningKey;
  /**
   * Every public key published at the JWKS and accepted by siteverify: KYCVS_SIGNING_KEY's set.
   * @default [signingKey.publicJwk]
   */
  publishedKeys?: JWK[];
  /** siteverify's used token ids, on the shared store (shared-state.ts). @default in memory */
  usedTokens?: UsedTokenStore;
  /** What /verify kept for siteverify's answers with a secret: the service's store (shared-state.ts). @default in memory */
  tokenDetails?: TokenDetailsStore;
  /** Redirect mode's codes, which /verify gives: the service's store (shared-state.ts). @default in memory */
  redirectCodes?: RedirectCodeStore;
  /** dist/frame/frame.html as built. */
  frameTemplate: string;
  /** CoWIN's own page's template: frameTemplate with its banner's style. @default frameTemplate */
  standaloneTemplate?: string;
  distDir: string;
  demoOrigin: string;
  /** Set in mock mode only, which also mounts the other `/__dev__/` routes. */
  outbox?: SmsOutbox;
  log: Logger;
  /** @default createApiLimits(): the limits per client address (the socket's), in memory */
  limits?: ApiLimits;
  /** The tokens' `iss` (KYCVS_PUBLIC_ORIGIN), which siteverify requires; default `http://127.0.0.1:5174`. */
  issuer?: string;
  /** CoWIN's own page's cookie, keyed by KYCVS_SUBJECT_SECRET so every host reads it. @default one with a fresh secret */
  selfCheckCookie?: SelfCheckCookie;
  /** Where the API's and siteverify's outcomes are counted (observability/metrics.ts). */
  metrics?: HostMetrics;
  /** Why the host cannot serve now (`/readyz`). @default always ready */
  ready?: Readiness;
  /** The clock siteverify checks tokens by: the host's (tests move it). @default Date.now */
  now?: () => number;
}

/**
 * The store (Redis) is away: 503 with Retry-After, in the shape the caller reads, so that the widget
 * shows its fault state with "Try again" and a provider's server retries. Nothing was allowed
 * without the store: no OTP past a limit, no second use of a token (docs/scaling.md).
 */
function stateUnavailable(c: Context) {
  c.header('retry-after', '5');
  c.header('cache-control', 'no-store');
  if (c.req.path === '/api/kycvs/siteverify') {
    return c.json({ success: false, 'error-codes': [SiteverifyErrorCode.INTERNAL_ERROR] }, 503);
  }
  const message = 'The host cannot reach its state store for a moment. Try again.';
  return send(c, fail(503, ErrorCode.SERVER_ERROR, { message }));
}

/** The CoWIN-hosted side: frame, loader, widget API, JWKS (and the mock SMS inbox in mock mode). */
export function createHostApp(options: HostAppOptions): Hono {
  const app = new Hono();
  // The default KYCVS_PUBLIC_ORIGIN (docs/operations.md), for an app built without one (tests).
  const issuer = options.issuer ?? 'http://127.0.0.1:5174';
  app.use(requestLog(options.log));
  // On https, browsers are told to come back on https only (a year), whatever link brought them.
  if (issuer.startsWith('https:')) {
    app.use(async (c, next) => {
      await next();
      c.header('strict-transport-security', 'max-age=31536000');
    });
  }
  const selfCheckCookie =
    options.selfCheckCookie ?? createSelfCheckCookie({ secret: randomBytes(32), publicOrigin: issuer });
  frameRoute(app, options.registry, options.frameTemplate);
  staticRoutes(app, options.distDir);
  // One set of counters for every API route: a client's calls count together.
  const limits = options.limits ?? createApiLimits();
  const publishedKeys = options.publishedKeys ?? [options.signingKey.publicJwk];
  mountApi(app, {
    service: options.service,
    limits,
    registry: options.registry,
    publicOrigin: issuer,
    selfCheckCookie,
    siteverify: {
      publicJwks: publishedKeys,
      issuer,
      ...(options.usedTokens ? { usedTokens: options.usedTokens } : {}),
      ...(options.tokenDetails ? { tokenDetails: options.tokenDetails } : {}),
      ...(options.redirectCodes ? { redirectCodes: options.redirectCodes } : {}),
      ...(options.now ? { now: options.now } : {}),
    },
    ...(options.metrics ? { observe: options.metrics.apiCall, observeVerdict: options.metrics.siteverify } : {}),
  });
  jwksRoute(app, publishedKeys);
  if (options.outbox) {
    devSmsRoute(app, options.outbox, options.demoOrigin);
    devBareFrameRoute(app, options.registry);
  }
  standaloneRoute(app, options.registry, options.standaloneTemplate ?? options.frameTemplate, selfCheckCookie);
  redirectRoute(app, options.registry, options.frameTemplate);
  healthRoutes(app, options.ready ?? (async () => undefined));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    if (error instanceof StateUnavailableError) {
      options.log({ event: 'state-unavailable', path: c.req.path });
      return stateUnavailable(c);
    }
    options.log({ event: 'error', path: c.req.path, error: error.name });
    return send(c, fail(500, ErrorCode.SERVER_ERROR, { message: 'Something went wrong on the host. Try again.' }));
  });
  return app;
}

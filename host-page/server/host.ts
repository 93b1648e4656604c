import { existsSync, readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { createHostApp } from './app';
import type { HostConfig } from './config';
import { createCowinClient, type CowinClient } from './cowin/client';
import { chunkStyles, prepareFrameTemplate, withStyle } from './frame-template';
import { jsonLogger, type Logger } from './http/log';
import { limitCowinCalls, trustedProxies } from './limits';
import { instrumentCowin } from './observability/instrument-cowin';
import { createMetrics, type HostMetrics } from './observability/metrics';
import type { SmsOutbox } from './routes/dev-sms';
import { createHostState, type HostState } from './shared-state';
import { createSelfCheckCookie } from './standalone';
import { openStateStore, type StateStore } from './state';
import { loadSigningKeys, loadSubjectSecret, type SigningKeys } from './token';
import { createVerificationService, type VerificationService } from './verification';

/** Why the host cannot be built: the message says what to do. */
export class HostStartError extends Error {
  override name = 'HostStartError';
}

/** What tests (and only they) put in place of what the host would make itself. */
export interface HostOverrides {
  /** The clock of every part. @default Date.now */
  now?: () => number;
  /** CoWIN, ready to call; the host then starts no mock of its own. @default from the config */
  cowin?: CowinClient;
  /** The SMS inbox of a mock the caller runs (with `cowin`), for `/__dev__/sms`. */
  outbox?: SmsOutbox;
  /** @default openStateStore(config.redisUrl) */
  store?: StateStore;
  /** @default from KYCVS_SIGNING_KEY */
  signingKeys?: SigningKeys;
  /** @default from KYCVS_SUBJECT_SECRET */
  subjectSecret?: Uint8Array;
  /** @default dist/frame/frame.html of the config's build */
  frameTemplate?: string;
  /** @default JSON lines on stdout */
  log?: Logger;
  /** How warnings about the configuration are said. @default on stderr */
  warn?: (message: string) => void;
  /** @default Node's own metrics included; a test building many hosts leaves them out */
  processMetrics?: boolean;
}

/** The whole host, built: its HTTP app and the parts an operator's process acts on. */
export interface Host {
  app: Hono;
  store: StateStore;
  state: HostState;
  service: VerificationService;
  metrics: HostMetrics;
  signingKeys: SigningKeys;
  /** Mock mode's CoWIN, when the host runs it. */
  mock: { outbox: SmsOutbox; stop(): void } | undefined;
  /** From now on `/readyz` answers 503: the host is draining. */
  stopping(): void;
  /** Closes the store and the mock. */
  close(): Promise<void>;
}

/** Mock mode's module, which needs msw: a devDependency, absent from a production install. */
async function importMockMode() {
  try {
    return await import('./cowin/mock-mode');
  } catch {
    throw new HostStartError(
      'mock mode needs the development dependencies (npm install), and this is a production install ' +
        '(npm ci --omit=dev): set COWIN_API_BASE and its companions to run against CoWIN (README, "Run in production").',
    );
  }
}

/** frame.html's template as the host sends it, and CoWIN's own page's, which also carries its banner's style. */
function frameTemplatesOf(distDir: string): { frame: string; standalone: string } {
  const frameFile = `${distDir}/frame/frame.html`;
  if (!existsSync(frameFile) || !existsSync(`${distDir}/embed.js`)) {
    throw new HostStartError('the widget is not built: run `npm run build` first (or `npm start`, which builds).');
  }
  const asset = (name: string) => readFileSync(`${distDir}/frame/assets/${name}`, 'utf8');
  const frame = prepareFrameTemplate(readFileSync(frameFile, 'utf8'), asset);
  const manifest = `${distDir}/frame/.vite/manifest.json`;
  const banner = existsSync(manifest)
    ? chunkStyles(readFileSync(manifest, 'utf8'), '../widget/standalone/index.ts', asset)
    : '';
  return { frame, standalone: withStyle(frame, banner) };
}

/**
 * The one place the host is put together (docs/architecture.md, "One composition root"): main.ts
 * builds it from the environment's config, the tests from theirs, with overrides. Everything the
 * host remembers goes through one store; CoWIN is called within the outbound limit, counted and logged.
 */
export async function createHost(config: HostConfig, overrides: HostOverrides = {}): Promise<Host> {
  const { now = Date.now, log = jsonLogger, warn = (message) => console.warn(`kycvs: ${message}`) } = overrides;
  const templates = overrides.frameTemplate
    ? { frame: overrides.frameTemplate, standalone: overrides.frameTemplate }
    : frameTemplatesOf(config.distDir);
  const signingKeys =
    overrides.signingKeys ??
    (await loadSigningKeys(config.signingKey, warn).catch((error: Error) => {
      throw new HostStartError(error.message);
    }));
  let subjectSecret = overrides.subjectSecret;
  try {
    subjectSecret ??= loadSubjectSecret(config.subjectSecret, warn);
  } catch (error) {
    throw new HostStartError((error as Error).message);
  }
  const store =
    overrides.store ?? (await openStateStore(config.redisUrl, (message) => console.log(`kycvs: ${message}`)));
  const metrics = createMetrics({
    isProvider: (id) => config.registry.get(id) !== undefined,
    liveSessions: () => store.countKeys('session:'),
    processMetrics: overrides.processMetrics ?? true,
  });

  const mock = overrides.cowin === undefined && config.mock ? (await importMockMode()).startCowinMock() : undefined;
  const cowinClient =
    overrides.cowin ??
    createCowinClient({
      baseUrl: mock ? mock.baseUrl : config.cowinApiBase!,
      apiKey: mock ? mock.apiKey : config.cowinApiKey!,
      timeoutMs: config.cowinTimeoutMs,
      userAgent: config.cowinUserAgent,
    });
  const cowin = instrumentCowin(
    limitCowinCalls(cowinClient, { store, limits: config.rateLimits, now, onRefused: metrics.rateLimited }),
    metrics,
    log,
  );

  let warnedOfProxy = false;
  const state = createHostState({
    store,
    subjectSecret,
    limits: config.rateLimits,
    trust: trustedProxies(config.trustProxy),
    onUntrustedForward: () => {
      if (warnedOfProxy) return;
      warnedOfProxy = true;
      warn(
        'requests from a loopback address carry X-Forwarded-For, but KYCVS_TRUST_PROXY trusts no proxy: ' +
          "every client of that proxy shares one rate-limit bucket. Set KYCVS_TRUST_PROXY to the proxy's address (e.g. loopback).",
      );
    },
    onRefused: metrics.rateLimited,
    now,
  });
  const service = createVerificationService({
    registry: config.registry,
    cowin,
    sessions: state.sessions,
    mobileQuota: state.mobileQuota,
    providerBudget: state.providerBudget,
    tokenDetails: state.tokenDetails,
    redirectCodes: state.redirectCodes,
    signingKey: signingKeys.current,
    subjectSecret,
    issuer: config.publicOrigin,
    otpMinMs: config.otpMinMs,
    now,
  });
  let draining = false;
  const outbox = overrides.outbox ?? mock?.outbox;
  const app = createHostApp({
    registry: config.registry,
    service,
    signingKey: signingKeys.current,
    publishedKeys: signingKeys.published,
    usedTokens: state.usedTokens,
    tokenDetails: state.tokenDetails,
    redirectCodes: state.redirectCodes,
    now,
    frameTemplate: templates.frame,
    standaloneTemplate: templates.standalone,
    distDir: config.distDir,
    demoOrigin: config.demoOrigin,
    ...(outbox ? { outbox } : {}),
    log,
    limits: state.apiLimits,
    issuer: config.publicOrigin,
    selfCheckCookie: createSelfCheckCookie({ secret: subjectSecret, publicOrigin: config.publicOrigin, now }),
    metrics,
    ready: async () =>
      draining
        ? 'shutting down'
        : store.ping().then(
            () => undefined,
            () => `the state store (${store.kind}) does not answer`,
          ),
  });
  return {
    app,
    store,
    state,
    service,
    metrics,
    signingKeys,
    mock,
    stopping: () => void (draining = true),
    async close() {
      await store.close();
      mock?.stop();
    },
  };
}

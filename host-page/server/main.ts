import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createDemoApp } from '../demo/server';
import { createHostApp } from './app';
import { ConfigError, readConfig, type HostConfig } from './config';
import { createCowinClient, type CowinClient } from './cowin/client';
import { jsonLogger } from './http/log';
import { limitCowinCalls, trustedProxies } from './limits';
import { instrumentCowin } from './observability/instrument-cowin';
import { createMetrics } from './observability/metrics';
import { RegistryError } from './registry';
import { createHostState } from './shared-state';
import { drainOnSignals } from './shutdown';
import { createSelfCheckCookie } from './standalone';
import { openStateStore, type StateStore } from './state';
import { loadSigningKeys, loadSubjectSecret } from './token';
import { createVerificationService } from './verification';

// Two levels down from the repository's root, as source (host-page/server/) and as built (dist/server/).
const root = fileURLToPath(new URL('../..', import.meta.url));
// KYCVS_DIST_DIR: serve another build (tests that build side by side use their own folders).
const distDir = process.env.KYCVS_DIST_DIR || join(root, 'dist');
const demoDir = join(root, 'host-page', 'demo');
const log = jsonLogger;

function stop(message: string): never {
  console.error(`kycvs: ${message}`);
  process.exit(1);
}

const warn = (message: string) => console.warn(`kycvs: ${message}`);

/** `action` on its first call only. */
function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}

/** Mock mode's module, which needs msw: a devDependency, absent from a production install. */
async function importMockMode() {
  try {
    return await import('./cowin/mock-mode');
  } catch {
    return stop(
      'mock mode needs the development dependencies (npm install), and this is a production install ' +
        '(npm ci --omit=dev): set COWIN_API_BASE and its companions to run against CoWIN (README, "Run in production").',
    );
  }
}

/** CoWIN as the host calls it: the real one or the mock, within the outbound limit, counted and logged. */
async function cowinFor(config: HostConfig, store: StateStore, onRefused: (rule: string) => void) {
  const mock = config.mock ? (await importMockMode()).startCowinMock() : undefined;
  const client: CowinClient = createCowinClient({
    baseUrl: mock ? mock.baseUrl : config.cowinApiBase!,
    apiKey: mock ? mock.apiKey : config.cowinApiKey!,
    timeoutMs: config.cowinTimeoutMs,
    userAgent: config.cowinUserAgent,
  });
  return { mock, client: limitCowinCalls(client, { store, limits: config.rateLimits, onRefused }) };
}

/** The server's address as a URL, for the start's log line. */
const where = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

async function main() {
  let config: HostConfig;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof RegistryError || error instanceof ConfigError) stop(error.message);
    throw error;
  }
  const frameFile = `${distDir}/frame/frame.html`;
  if (!existsSync(frameFile) || !existsSync(`${distDir}/embed.js`)) {
    stop('the widget is not built: run `npm run build` first (or `npm start`, which builds).');
  }

  const keys = await loadSigningKeys(config.signingKey, warn).catch((error: Error) => stop(error.message));
  let subjectSecret: Uint8Array;
  try {
    subjectSecret = loadSubjectSecret(config.subjectSecret, warn);
  } catch (error) {
    stop((error as Error).message);
  }
  if (config.mock && config.redisUrl) {
    warn(
      'KYCVS_REDIS_URL is set in mock mode: each host answers for CoWIN with a mock of its own, so a ' +
        'verification must end on the host where it began. Point every host at one CoWIN stand-in ' +
        '(`npm run mock-cowin`, then COWIN_API_BASE) to run several.',
    );
  }
  const store = await openStateStore(config.redisUrl, (message) => console.log(`kycvs: ${message}`));
  const metrics = createMetrics({
    isProvider: (id) => config.registry.get(id) !== undefined,
    liveSessions: () => store.countKeys('session:'),
  });
  const { mock, client } = await cowinFor(config, store, metrics.rateLimited);
  const cowin = instrumentCowin(client, metrics, log);
  const state = createHostState({
    store,
    subjectSecret,
    limits: config.rateLimits,
    trust: trustedProxies(config.trustProxy),
    onUntrustedForward: once(() =>
      warn(
        'requests from a loopback address carry X-Forwarded-For, but KYCVS_TRUST_PROXY trusts no proxy: ' +
          "every client of that proxy shares one rate-limit bucket. Set KYCVS_TRUST_PROXY to the proxy's address (e.g. loopback).",
      ),
    ),
    onRefused: metrics.rateLimited,
  });
  const service = createVerificationService({
    registry: config.registry,
    cowin,
    sessions: state.sessions,
    mobileQuota: state.mobileQuota,
    providerBudget: state.providerBudget,
    signingKey: keys.current,
    subjectSecret,
    issuer: config.publicOrigin,
    otpMinMs: config.otpMinMs,
  });
  let stopping = false;
  const host = createHostApp({
    registry: config.registry,
    service,
    signingKey: keys.current,
    publishedKeys: keys.published,
    usedTokens: state.usedTokens,
    frameTemplate: readFileSync(frameFile, 'utf8'),
    distDir,
    demoOrigin: config.demoOrigin,
    ...(mock ? { outbox: mock.outbox } : {}),
    log,
    limits: state.apiLimits,
    issuer: config.publicOrigin,
    selfCheckCookie: createSelfCheckCookie({ secret: subjectSecret, publicOrigin: config.publicOrigin }),
    metrics,
    ready: async () =>
      stopping
        ? 'shutting down'
        : store.ping().then(
            () => undefined,
            () => `the state store (${store.kind}) does not answer`,
          ),
  });

  const servers: Server[] = [];
  servers.push(
    serve({ fetch: host.fetch, port: config.port, hostname: config.host }, () => {
      const cowinName = mock ? 'mock CoWIN' : new URL(config.cowinApiBase!).origin;
      console.log(`kycvs host: ${where(config.host, config.port)} (${cowinName}; state in ${store.kind})`);
    }) as Server,
  );
  if (config.metricsPort !== undefined) {
    const metricsApp = new Hono();
    metricsApp.get('/metrics', async (c) =>
      c.text(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }),
    );
    servers.push(
      serve({ fetch: metricsApp.fetch, port: config.metricsPort, hostname: config.host }, () => {
        console.log(`kycvs metrics: ${where(config.host, config.metricsPort!)}/metrics`);
      }) as Server,
    );
  }
  // The demo provider site belongs to mock mode: against a real CoWIN the host serves only itself.
  if (mock) {
    const demo = createDemoApp({ hostOrigin: config.publicOrigin, demoDir });
    servers.push(
      serve({ fetch: demo.fetch, port: config.demoPort, hostname: '127.0.0.1' }, () => {
        console.log(`kycvs demo provider site: ${config.demoOrigin}`);
      }) as Server,
    );
    // Browsers may resolve localhost to ::1 first; answer there too when the machine has IPv6.
    const demoV6 = serve({ fetch: demo.fetch, port: config.demoPort, hostname: '::1' }) as Server;
    demoV6.on('error', () => undefined);
    demoV6.on('listening', () => servers.push(demoV6));
  }

  drainOnSignals(servers, {
    seconds: config.shutdownSeconds,
    onStart: (signal) => {
      stopping = true;
      log({ event: 'shutdown', signal, seconds: config.shutdownSeconds });
    },
    onDone: async (timedOut) => {
      await store.close();
      mock?.stop();
      log({ event: 'stopped', ...(timedOut ? { level: 'warn', timedOut } : {}) });
    },
  });
}

void main();

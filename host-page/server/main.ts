import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createDemoApp } from '../demo/server';
import { createHostApp } from './app';
import { ConfigError, readConfig } from './config';
import { createCowinClient } from './cowin/client';
import { jsonLogger } from './http/log';
import { trustedProxies } from './limits';
import { RegistryError } from './registry';
import { createHostState } from './shared-state';
import { createSelfCheckCookie } from './standalone';
import { openStateStore } from './state';
import { loadSigningKeys, loadSubjectSecret } from './token';
import { createVerificationService } from './verification';

// KYCVS_DIST_DIR: serve another build (tests that build side by side use their own folders).
const distDir = process.env.KYCVS_DIST_DIR || fileURLToPath(new URL('../../dist', import.meta.url));
const demoDir = fileURLToPath(new URL('../demo', import.meta.url));

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

async function main() {
  let config;
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
  const mock = config.cowinApiBase ? undefined : (await import('./cowin/mock-mode')).startCowinMock();
  if (mock && config.redisUrl) {
    warn(
      'KYCVS_REDIS_URL is set in mock mode: each host answers for CoWIN with a mock of its own, so a ' +
        'verification must end on the host where it began. Point every host at one CoWIN stand-in ' +
        '(`npm run mock-cowin`, then COWIN_API_BASE) to run several.',
    );
  }
  const store = await openStateStore(config.redisUrl, (message) => console.log(`kycvs: ${message}`));
  const cowin = createCowinClient(
    mock
      ? { baseUrl: mock.baseUrl, apiKey: mock.apiKey }
      : { baseUrl: config.cowinApiBase!, apiKey: config.cowinApiKey! },
  );
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
    log: jsonLogger,
    limits: state.apiLimits,
    issuer: config.publicOrigin,
    selfCheckCookie: createSelfCheckCookie({ secret: subjectSecret, publicOrigin: config.publicOrigin }),
  });

  serve({ fetch: host.fetch, port: config.port, hostname: '127.0.0.1' }, () => {
    const cowinName = mock ? 'mock CoWIN' : new URL(config.cowinApiBase!).origin;
    console.log(`kycvs host: http://127.0.0.1:${config.port} (${cowinName}; state in ${store.kind})`);
  });
  // The demo provider site belongs to mock mode: against a real CoWIN the host serves only itself.
  if (!mock) return;
  const demo = createDemoApp({ hostOrigin: config.publicOrigin, demoDir });
  serve({ fetch: demo.fetch, port: config.demoPort, hostname: '127.0.0.1' }, () => {
    console.log(`kycvs demo provider site: ${config.demoOrigin}`);
  });
  // Browsers may resolve localhost to ::1 first; answer there too when the machine has IPv6.
  const demoV6 = serve({ fetch: demo.fetch, port: config.demoPort, hostname: '::1' });
  demoV6.on('error', () => undefined);
}

void main();

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createDemoApp } from '../demo/server';
import { createHostApp } from './app';
import { ConfigError, readConfig } from './config';
import { createCowinClient } from './cowin/client';
import { jsonLogger } from './http/log';
import { createApiLimits, createMobileQuota } from './limits';
import { RegistryError } from './registry';
import { loadSigningKey } from './token';
import { createSessionStore, createVerificationService } from './verification';

// KYCVS_DIST_DIR: serve another build (tests that build side by side use their own folders).
const distDir = process.env.KYCVS_DIST_DIR || fileURLToPath(new URL('../../dist', import.meta.url));
const demoDir = fileURLToPath(new URL('../demo', import.meta.url));

function stop(message: string): never {
  console.error(`kycvs: ${message}`);
  process.exit(1);
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

  const signingKey = await loadSigningKey(config.signingKey, (message) => console.warn(`kycvs: ${message}`)).catch(
    (error: Error) => stop(error.message),
  );
  const mock = config.cowinApiBase ? undefined : (await import('./cowin/mock-mode')).startCowinMock();
  const cowin = createCowinClient(
    mock
      ? { baseUrl: mock.baseUrl, apiKey: mock.apiKey }
      : { baseUrl: config.cowinApiBase!, apiKey: config.cowinApiKey! },
  );
  const service = createVerificationService({
    registry: config.registry,
    cowin,
    sessions: createSessionStore(),
    signingKey,
    issuer: config.publicOrigin,
    mobileQuota: createMobileQuota({ limits: config.rateLimits }),
    otpMinMs: config.otpMinMs,
  });
  const host = createHostApp({
    registry: config.registry,
    service,
    signingKey,
    frameTemplate: readFileSync(frameFile, 'utf8'),
    distDir,
    demoOrigin: config.demoOrigin,
    ...(mock ? { outbox: mock.outbox } : {}),
    log: jsonLogger,
    limits: createApiLimits({
      limits: config.rateLimits,
      trustedProxies: config.trustedProxies,
      isProvider: (id) => config.registry.get(id) !== undefined,
    }),
    issuer: config.publicOrigin,
  });

  serve({ fetch: host.fetch, port: config.port, hostname: '127.0.0.1' }, () => {
    console.log(`kycvs host: http://127.0.0.1:${config.port} (${mock ? 'mock CoWIN' : config.cowinApiBase})`);
  });
  const demo = createDemoApp({ hostOrigin: config.publicOrigin, demoDir });
  serve({ fetch: demo.fetch, port: config.demoPort, hostname: '127.0.0.1' }, () => {
    console.log(`kycvs demo provider site: ${config.demoOrigin}`);
  });
  // Browsers may resolve localhost to ::1 first; answer there too when the machine has IPv6.
  const demoV6 = serve({ fetch: demo.fetch, port: config.demoPort, hostname: '::1' });
  demoV6.on('error', () => undefined);
}

void main();

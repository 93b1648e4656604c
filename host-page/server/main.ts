import { join } from 'node:path';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createDemoApp } from '../../demo/server';
import { ConfigError, readConfig, type HostConfig } from './config';
import { jsonLogger } from './http/log';
import { createHost, HostStartError } from './host';
import { RegistryError } from './registry';
import { drainOnSignals } from './shutdown';

// The demo's pages, from the repository's root: two levels up both as source and as built (dist/server/).
const demoDir = fileURLToPath(new URL('../../demo', import.meta.url));

function stop(message: string): never {
  console.error(`kycvs: ${message}`);
  process.exit(1);
}

/** The server's address as a URL, for the start's log line. */
const where = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** `npm run serve`: the host from the environment (config.ts), its metrics, the demo in mock mode, a drain on SIGTERM. */
async function main() {
  let config: HostConfig;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof RegistryError || error instanceof ConfigError) stop(error.message);
    throw error;
  }
  if (config.mock && config.redisUrl) {
    console.warn(
      'kycvs: KYCVS_REDIS_URL is set in mock mode: each host answers for CoWIN with a mock of its own, so a ' +
        'verification must end on the host where it began. Point every host at one CoWIN stand-in ' +
        '(`npm run mock-cowin`, then COWIN_API_BASE) to run several.',
    );
  }
  const host = await createHost(config).catch((error: Error) =>
    error instanceof HostStartError ? stop(error.message) : Promise.reject(error),
  );

  const servers: Server[] = [];
  servers.push(
    serve({ fetch: host.app.fetch, port: config.port, hostname: config.host }, () => {
      const cowinName = config.mock ? 'mock CoWIN' : new URL(config.cowinApiBase!).origin;
      console.log(`kycvs host: ${where(config.host, config.port)} (${cowinName}; state in ${host.store.kind})`);
    }) as Server,
  );
  if (config.metricsPort !== undefined) {
    const metricsApp = new Hono();
    metricsApp.get('/metrics', async (c) =>
      c.text(await host.metrics.registry.metrics(), 200, { 'content-type': host.metrics.registry.contentType }),
    );
    servers.push(
      serve({ fetch: metricsApp.fetch, port: config.metricsPort, hostname: config.host }, () => {
        console.log(`kycvs metrics: ${where(config.host, config.metricsPort!)}/metrics`);
      }) as Server,
    );
  }
  // The demo provider site belongs to mock mode: against a real CoWIN the host serves only itself.
  if (config.mock) {
    const demo = createDemoApp({
      hostOrigin: config.publicOrigin,
      demoDir,
      reactDir: join(config.distDir, 'demo-react'),
    });
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
      host.stopping();
      jsonLogger({ event: 'shutdown', signal, seconds: config.shutdownSeconds });
    },
    onDone: async (timedOut) => {
      await host.close();
      jsonLogger({ event: 'stopped', ...(timedOut ? { level: 'warn', timedOut } : {}) });
    },
  });
}

void main();

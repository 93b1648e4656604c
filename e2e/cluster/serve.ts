import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { exportJWK, generateKeyPair } from 'jose';
import { createDemoApp } from '../../demo/server';
import { loadPeople } from '../../mock-api/load-people';
import { startCowinStandIn } from '../../mock-api/stand-in';
import { startHostProcess } from '../../scripts/cluster/host-process';
import { startLocalRedis } from '../../scripts/cluster/local-redis';
import { demoProviders, writeRegistry } from '../providers';
import { startRoundRobinProxy } from '../../scripts/cluster/round-robin-proxy';

/**
 * The e2e cluster (playwright.config.ts's second web server): two hosts on one real redis-server,
 * one CoWIN stand-in, a round-robin proxy as their one public origin, and the demo site pointing at
 * that origin. Its stand-in knows made-up people of its own (mock-api/load-people.ts), so its tests
 * share no mobile with the other e2e files. For cluster.spec.ts only, the proxy also answers `POST /__cluster__/…` controls that
 * kill and start a host or Redis: test harness, never part of the product.
 */
const port = Number(process.env.E2E_CLUSTER_PORT);
const demoPort = Number(process.env.E2E_CLUSTER_DEMO_PORT);
const cowinPort = Number(process.env.E2E_CLUSTER_COWIN_PORT);
const origin = `http://127.0.0.1:${port}`;
const demoOrigin = `http://localhost:${demoPort}`;

const registry = writeRegistry(demoProviders(demoOrigin));
const { privateKey } = await generateKeyPair('ES256', { extractable: true });

const [redis, cowin] = await Promise.all([
  startLocalRedis(),
  startCowinStandIn({ port: cowinPort, extraPeople: loadPeople(10) }),
]);
const env = {
  KYCVS_REDIS_URL: redis.url,
  COWIN_API_BASE: cowin.baseUrl,
  COWIN_API_KEY: cowin.apiKey,
  KYCVS_PROVIDERS: registry,
  KYCVS_SIGNING_KEY: JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'cluster-key' }),
  KYCVS_SUBJECT_SECRET: 'the-e2e-cluster-subject-secret-of-32-characters',
  KYCVS_PUBLIC_ORIGIN: origin,
  KYCVS_TRUST_PROXY: 'loopback',
  KYCVS_OTP_MIN_MS: '0',
};
const hosts = await Promise.all([startHostProcess({ env }), startHostProcess({ env })]);

const controls: Record<string, () => Promise<void>> = {
  '/__cluster__/hosts/0/kill': () => hosts[0]!.stop({ crash: true }),
  '/__cluster__/hosts/0/start': () => hosts[0]!.start(),
  '/__cluster__/hosts/1/kill': () => hosts[1]!.stop({ crash: true }),
  '/__cluster__/hosts/1/start': () => hosts[1]!.start(),
  '/__cluster__/redis/stop': () => redis.stop({ crash: true }),
  '/__cluster__/redis/start': () => redis.start(),
};

function intercept(req: IncomingMessage, res: ServerResponse): boolean {
  const control = req.method === 'POST' ? controls[req.url ?? ''] : undefined;
  if (!control) return false;
  control().then(
    () => res.writeHead(204).end(),
    (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
  );
  return true;
}

await startRoundRobinProxy({ port, upstreams: () => hosts.map((host) => host.origin), intercept });
const demoDir = fileURLToPath(new URL('../../demo', import.meta.url));
const demo = createDemoApp({
  hostOrigin: origin,
  demoDir,
  // The build under test, as the hosts' config finds it.
  reactDir: join(process.env.KYCVS_DIST_DIR || join(demoDir, '..', 'dist'), 'demo-react'),
});
serve({ fetch: demo.fetch, port: demoPort, hostname: '127.0.0.1' });
console.log(`kycvs e2e cluster: ${origin} (hosts ${hosts.map((h) => h.origin).join(', ')}), demo ${demoOrigin}`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void Promise.all([...hosts.map((host) => host.stop()), redis.stop(), cowin.close()]).finally(() => process.exit(0));
  });
}

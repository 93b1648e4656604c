import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { freePort } from '../cluster/free-port';
import { startHostProcess, type HostProcess } from '../cluster/host-process';
import { startLocalRedis, type LocalRedis } from '../cluster/local-redis';
import { writeStubBuild } from '../cluster/stub-build';

export const PROVIDER = 'load-agency';
export type Backend = 'memory' | 'redis';

/** What a load run talks to: the hosts' origins and where the stand-in's SMS can be read. */
export interface LoadSystem {
  hosts: string[];
  /** Their one public origin, which the widget API's calls must come from. */
  publicOrigin: string;
  smsOrigin: string;
  stop(): Promise<void>;
}

/**
 * Limits far above the defaults: the bench sends everything from 127.0.0.1 for one provider, and
 * measures the host's cost, not its refusals. Windows of one second keep each key's window small.
 */
const UNLIMITED = Object.fromEntries(
  ['client', 'clientOtp', 'provider', 'mobileClient', 'mobileClientDaily'].map((rule) => [
    rule,
    { limit: 100_000, windowSeconds: 1 },
  ]),
);

/**
 * A CoWIN stand-in with `people` made-up people (its own process), and the hosts against it: one
 * host in memory, or two hosts on one fresh redis-server. All on loopback; everything it started
 * ends with `stop()` or with this process.
 */
export async function startLoadSystem(backend: Backend, people: number): Promise<LoadSystem> {
  const dir = mkdtempSync(join(tmpdir(), 'kycvs-load-'));
  writeStubBuild(dir);
  const registry = [
    { id: PROVIDER, name: 'Load Agency', allowed_origins: ['https://agency.example'], scope: ['status'] },
  ];
  writeFileSync(join(dir, 'providers.json'), JSON.stringify(registry));
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });

  const cowinPort = await freePort();
  const cowin = await startHostProcess({
    script: 'mock-api/serve.ts',
    port: cowinPort,
    env: { COWIN_STANDIN_PORT: String(cowinPort), COWIN_STANDIN_LOAD_PEOPLE: String(people) },
    readyUrls: [`http://127.0.0.1:${cowinPort}/__dev__/sms?mobile=9876543210`],
  });
  let redis: LocalRedis | undefined;
  const hosts: HostProcess[] = [];
  const publicOrigin = `http://127.0.0.1:${await freePort()}`;
  try {
    if (backend === 'redis') redis = await startLocalRedis();
    const env = {
      COWIN_API_BASE: `http://127.0.0.1:${cowinPort}/api`,
      COWIN_API_KEY: 'mock-api-key',
      KYCVS_PROVIDERS: join(dir, 'providers.json'),
      KYCVS_SIGNING_KEY: JSON.stringify(await exportJWK(privateKey)),
      KYCVS_SUBJECT_SECRET: 'the-load-bench-subject-secret-of-32-characters',
      KYCVS_PUBLIC_ORIGIN: publicOrigin,
      KYCVS_DIST_DIR: join(dir, 'dist'),
      KYCVS_OTP_MIN_MS: '0',
      KYCVS_RATE_LIMITS: JSON.stringify(UNLIMITED),
      KYCVS_REDIS_URL: redis?.url ?? '',
    };
    const count = backend === 'redis' ? 2 : 1;
    hosts.push(...(await Promise.all(Array.from({ length: count }, () => startHostProcess({ env })))));
  } catch (error) {
    await Promise.all([cowin.stop(), redis?.stop(), ...hosts.map((host) => host.stop())]);
    throw error;
  }
  return {
    hosts: hosts.map((host) => host.origin),
    publicOrigin,
    smsOrigin: `http://127.0.0.1:${cowinPort}`,
    async stop() {
      await Promise.all(hosts.map((host) => host.stop()));
      await Promise.all([cowin.stop(), redis?.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

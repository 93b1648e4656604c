import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The e2e host's registry: the demo providers as bundled, and `e2e-two-sites`, registered for
 * the demo site under both of its names (localhost and 127.0.0.1: two origins, two sites), so a
 * test can have one registered page pretend to be the other.
 */
export function writeE2eRegistry(demoPort: number): string {
  const demo = `http://localhost:${demoPort}`;
  const other = `http://127.0.0.1:${demoPort}`;
  return writeRegistry([
    ...demoProviders(demo),
    { id: 'e2e-two-sites', name: 'Two Sites Ltd', allowed_origins: [demo, other], scope: ['status'] },
  ]);
}

/**
 * The demo providers as bundled (host-page/server/registry/demo-providers.json, which a unit test
 * holds this list to), registered for the demo site at `origin`: `demo-irctc` with its demo secret,
 * and the test provider `demo-test` (docs/test-identities.md); both with the demo "app" page's
 * redirect URI (docs/redirect.md), on the demo origin of the run.
 */
export function demoProviders(origin: string) {
  return [
    { id: 'demo-travel', name: 'Demo Travel Agency', allowed_origins: [origin], scope: ['status'] },
    {
      id: 'demo-irctc',
      name: 'Demo Rail Portal',
      allowed_origins: [origin],
      scope: ['status', 'demographics', 'vaccinations'],
      secret: 'demo-irctc-secret-for-the-demo-only',
      redirect_uris: [`${origin}/app/callback`],
    },
    {
      id: 'demo-test',
      name: 'Demo Test Provider',
      allowed_origins: [origin],
      scope: ['status', 'demographics', 'vaccinations'],
      secret: 'demo-test-secret-for-the-demo-only',
      test: true,
      redirect_uris: [`${origin}/app/callback`],
    },
  ];
}

/** A registry file (KYCVS_PROVIDERS) in a folder of its own; its path. */
export function writeRegistry(providers: unknown[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kycvs-e2e-')), 'providers.json');
  writeFileSync(file, JSON.stringify(providers, null, 2));
  return file;
}

import demoProviders from './demo-providers.json' with { type: 'json' };
import { createRegistry, type ProviderRegistry } from './providers';

/**
 * The bundled registry: `demo-travel`, `demo-irctc` and the test provider `demo-test`, allowing the
 * demo site's origin. Their secrets are published demo values (docs/operations.md, "The bundled
 * demo providers"): a real registry (KYCVS_PROVIDERS) replaces the whole file.
 */
export function demoRegistry(demoOrigin: string): ProviderRegistry {
  const providers = demoProviders.map((p) => ({
    ...p,
    allowed_origins: p.allowed_origins.map((o) => (o === 'http://localhost:5173' ? demoOrigin : o)),
  }));
  // The demo site is plain http, on this machine or (mock mode only) another one on the LAN.
  return createRegistry(providers, 'the bundled demo registry', { plainHttp: 'any' });
}

import demoProviders from './demo-providers.json' with { type: 'json' };
import { createRegistry, type ProviderRegistry } from './providers';

/** The bundled registry: `demo-travel` and `demo-irctc`, allowing the demo site's origin. */
export function demoRegistry(demoOrigin: string): ProviderRegistry {
  const providers = demoProviders.map((p) => ({
    ...p,
    allowed_origins: p.allowed_origins.map((o) => (o === 'http://localhost:5173' ? demoOrigin : o)),
  }));
  // The demo site is plain http, on this machine or (mock mode only) another one on the LAN.
  return createRegistry(providers, 'the bundled demo registry', { plainHttp: 'any' });
}

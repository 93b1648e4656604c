import demoProviders from './demo-providers.json' with { type: 'json' };
import { createRegistry, type ProviderRegistry } from './providers';

/**
 * The bundled registry: `demo-travel`, `demo-irctc` and the test provider `demo-test`, allowing the
 * demo site's origin (and, for the last two, its "app" page's redirect URI). Their secrets are published demo values (docs/operations.md, "The bundled
 * demo providers"): a real registry (KYCVS_PROVIDERS) replaces the whole file.
 */
export function demoRegistry(demoOrigin: string): ProviderRegistry {
  const bundled = 'http://localhost:5173';
  const providers = demoProviders.map((p) => ({
    ...p,
    allowed_origins: p.allowed_origins.map((o) => (o === bundled ? demoOrigin : o)),
    // The demo's "app" page (demo/app.ts) gets its redirect-mode code back on the demo origin.
    ...('redirect_uris' in p
      ? {
          redirect_uris: p.redirect_uris.map((u) =>
            u.startsWith(`${bundled}/`) ? demoOrigin + u.slice(bundled.length) : u,
          ),
        }
      : {}),
  }));
  // The demo site is plain http, on this machine or (mock mode only) another one on the LAN.
  return createRegistry(providers, 'the bundled demo registry', { plainHttp: 'any' });
}

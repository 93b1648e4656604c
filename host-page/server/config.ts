import { demoRegistry, loadRegistryFile, type ProviderRegistry } from './registry';

/** Everything the host reads from its environment (README: "Environment variables"). */
export interface HostConfig {
  port: number;
  demoPort: number;
  /** The host's public origin: the token's `iss`. */
  publicOrigin: string;
  demoOrigin: string;
  registry: ProviderRegistry;
  /** Unset: mock mode, CoWIN answered by mock-api/. */
  cowinApiBase: string | undefined;
  cowinApiKey: string | undefined;
  /** A private JWK (JSON text); unset: a fresh key at start, with a warning. */
  signingKey: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new ConfigError(`${name}=${raw} is not a port number (1–65535).`);
  }
  return value;
}

/** The token's `iss` must match what providers pass as `issuer` exactly: no path, no trailing slash. */
function origin(raw: string): string {
  try {
    return new URL(raw).origin;
  } catch {
    throw new ConfigError(`KYCVS_PUBLIC_ORIGIN=${raw} is not a URL such as https://kycvs.example.`);
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): HostConfig {
  const hostPort = port(env, 'PORT', 5174);
  const demoPort = port(env, 'DEMO_PORT', 5173);
  const demoOrigin = `http://localhost:${demoPort}`;
  const publicOrigin = origin(env.KYCVS_PUBLIC_ORIGIN || `http://127.0.0.1:${hostPort}`);
  const cowinApiBase = env.COWIN_API_BASE || undefined;
  if (cowinApiBase && !env.COWIN_API_KEY) {
    throw new ConfigError('COWIN_API_BASE is set but COWIN_API_KEY is not: CoWIN needs the key on every call.');
  }
  return {
    port: hostPort,
    demoPort,
    publicOrigin,
    demoOrigin,
    registry: env.KYCVS_PROVIDERS ? loadRegistryFile(env.KYCVS_PROVIDERS) : demoRegistry(demoOrigin),
    cowinApiBase,
    cowinApiKey: env.COWIN_API_KEY || undefined,
    signingKey: env.KYCVS_SIGNING_KEY || undefined,
  };
}

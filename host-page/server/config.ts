import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { cowinApiBase as checkCowinApiBase } from './cowin/base-url';
import { RATE_LIMIT_DEFAULTS, rateLimitsFrom, trustedProxies, type RateLimits } from './limits';
import { demoRegistry, loadRegistryFile, type ProviderRegistry } from './registry';

/** Everything the host reads from its environment (README: "Environment variables"). */
export interface HostConfig {
  /** `HOST`: the address the host listens on; 127.0.0.1 unless a proxy elsewhere must reach it. */
  host: string;
  port: number;
  demoPort: number;
  /** Mock mode: CoWIN answered by mock-api/ (no `COWIN_API_BASE`), with the demo site and `/__dev__/`. */
  mock: boolean;
  /** The host's public origin: the token's `iss`. */
  publicOrigin: string;
  demoOrigin: string;
  registry: ProviderRegistry;
  /** Unset: mock mode, CoWIN answered by mock-api/. Checked (cowin/base-url.ts), without a trailing slash. */
  cowinApiBase: string | undefined;
  cowinApiKey: string | undefined;
  /** `COWIN_TIMEOUT_MS`: how long one CoWIN call may take. */
  cowinTimeoutMs: number;
  /** `COWIN_USER_AGENT`: CoWIN's edge refused requests without a browser-like one in 2021. */
  cowinUserAgent: string;
  /** `KYCVS_METRICS_PORT`: where Prometheus reads `/metrics`; unset: no metrics listener. */
  metricsPort: number | undefined;
  /** `KYCVS_SHUTDOWN_SECONDS`: how long a stopping host lets requests in flight finish. */
  shutdownSeconds: number;
  /** `KYCVS_DIST_DIR`: the build the host serves (frame, embed.js). */
  distDir: string;
  /** A private JWK or a JWK set (JSON text); unset: a fresh key at start, with a warning. */
  signingKey: string | undefined;
  /** `KYCVS_SUBJECT_SECRET`: keys `sub`, the store's keys and sealed values; unset: fresh, with a warning. */
  subjectSecret: string | undefined;
  /** `KYCVS_REDIS_URL`: the shared state of several hosts; unset: this process's memory. */
  redisUrl: string | undefined;
  /** `KYCVS_RATE_LIMITS`: JSON overriding rules of `RATE_LIMIT_DEFAULTS` (limits/rules.ts). */
  rateLimits: RateLimits;
  /** `KYCVS_TRUST_PROXY`: the proxies whose `X-Forwarded-For` is believed (addresses, CIDRs, `loopback`…); empty: none. */
  trustProxy: readonly string[];
  /** `KYCVS_OTP_MIN_MS`: the least time an OTP request takes, so that timing reveals nothing. */
  otpMinMs: number;
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

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value > max) {
    throw new ConfigError(`${name}=${raw} is not a whole number from 0 to ${max}.`);
  }
  return value;
}

function rateLimits(raw: string | undefined): RateLimits {
  if (raw === undefined || raw === '') return RATE_LIMIT_DEFAULTS;
  const example = 'such as {"client":{"limit":600},"mobile":{"limit":30,"windowSeconds":600}}';
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ConfigError(`KYCVS_RATE_LIMITS is not valid JSON: give an object ${example}.`);
  }
  const parsed = rateLimitsFrom(value);
  if (parsed.ok) return parsed.limits;
  const rules = Object.keys(RATE_LIMIT_DEFAULTS).join(', ');
  throw new ConfigError(
    `KYCVS_RATE_LIMITS is not valid (rules: ${rules}; each { "limit", "windowSeconds" }, whole numbers):\n` +
      parsed.problems.map((problem) => `  - ${problem}`).join('\n'),
  );
}

/**
 * `KYCVS_TRUST_PROXY`: a comma-separated list of the proxies' addresses or CIDR ranges, or
 * `loopback`, `linklocal`, `uniquelocal`. A count of hops is refused: it would believe the header
 * of a client that reaches the host directly, letting it choose any address.
 */
function trustProxy(raw: string | undefined): readonly string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0 || (entries.length === 1 && entries[0] === '0')) return [];
  const example = 'such as loopback, or 10.0.0.0/8,2001:db8::/32';
  if (entries.some((entry) => /^\d+$/.test(entry))) {
    throw new ConfigError(
      `KYCVS_TRUST_PROXY=${raw} is a count of proxies; give their addresses instead, ${example}: a count ` +
        'would believe X-Forwarded-For from a client that reaches the host directly.',
    );
  }
  try {
    trustedProxies(entries);
  } catch (error) {
    throw new ConfigError(
      `KYCVS_TRUST_PROXY=${raw}: ${(error as Error).message}; give addresses or CIDR ranges, ${example}.`,
    );
  }
  return entries;
}

/** `redis://` or `rediss://` (TLS), as ioredis reads it; the message never repeats the URL, which may hold a password. */
function redisUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let protocol = '';
  try {
    protocol = new URL(raw).protocol;
  } catch {
    // Reported below.
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    throw new ConfigError(
      'KYCVS_REDIS_URL is not a Redis URL such as redis://127.0.0.1:6379 or rediss://user:password@redis.internal:6380.',
    );
  }
  return raw;
}

/**
 * The build's folder when KYCVS_DIST_DIR does not say: `dist/` at the repository's root, two
 * levels up from this module both as source (host-page/server/) and as built (dist/server/).
 */
const DEFAULT_DIST_DIR = fileURLToPath(new URL('../../dist', import.meta.url));

/** The default `COWIN_USER_AGENT`: browser-like, as CoWIN's edge wanted in 2021, and naming us. */
export const DEFAULT_COWIN_USER_AGENT = 'Mozilla/5.0 (compatible; kycvs-host/1.0)';

const isLoopbackHostname = (hostname: string) =>
  hostname === 'localhost' || /^127(?:\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]';

/**
 * What running against a real CoWIN needs, every problem at once: the host must not make up what
 * every host has to share or what the operator must own (docs/operations.md).
 */
function realModeProblems(env: NodeJS.ProcessEnv, publicOrigin: string): string[] {
  const problems: string[] = [];
  if (!env.COWIN_API_KEY) problems.push('COWIN_API_KEY is not set: CoWIN needs the key on every call');
  const base = checkCowinApiBase(env.COWIN_API_BASE!);
  if (!base.ok) problems.push(`COWIN_API_BASE ${base.problem}`);
  for (const name of ['KYCVS_PROVIDERS', 'KYCVS_SIGNING_KEY', 'KYCVS_SUBJECT_SECRET']) {
    if (!env[name]) problems.push(`${name} is not set`);
  }
  const url = new URL(publicOrigin);
  if (url.protocol !== 'https:' && !isLoopbackHostname(url.hostname)) {
    problems.push(`KYCVS_PUBLIC_ORIGIN=${publicOrigin} must be https:// (plain http only on loopback)`);
  }
  return problems;
}

/**
 * Mock mode answers CoWIN itself and serves the SMS it "sent" at `/__dev__/sms`: fine on a
 * developer's machine, never by accident on a public origin.
 */
function mockModeProblems(env: NodeJS.ProcessEnv, publicOrigin: string): string[] {
  if (isLoopbackHostname(new URL(publicOrigin).hostname) || env.KYCVS_MOCK === 'on') return [];
  return [
    `KYCVS_PUBLIC_ORIGIN=${publicOrigin} is not loopback, and COWIN_API_BASE is not set: the host would answer ` +
      'for CoWIN with its mock, no real SMS going out, and publish every OTP at /__dev__/sms. Set COWIN_API_BASE ' +
      '(and its companions) for real, or KYCVS_MOCK=on if a public mock is what you mean',
  ];
}

function listenAddress(raw: string | undefined): string {
  if (raw === undefined || raw === '') return '127.0.0.1';
  if (isIP(raw) === 0 && raw !== 'localhost') {
    throw new ConfigError(`HOST=${raw} is not an address to listen on, such as 127.0.0.1, 0.0.0.0 or ::.`);
  }
  return raw;
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
  const mock = !env.COWIN_API_BASE;
  const problems = mock ? mockModeProblems(env, publicOrigin) : realModeProblems(env, publicOrigin);
  if (problems.length > 0) {
    const mode = mock ? 'in mock mode' : 'against a real CoWIN (COWIN_API_BASE is set)';
    throw new ConfigError(`the host cannot start ${mode}:\n${problems.map((problem) => `  - ${problem}.`).join('\n')}`);
  }
  const base = mock ? undefined : checkCowinApiBase(env.COWIN_API_BASE!);
  return {
    host: listenAddress(env.HOST),
    port: hostPort,
    demoPort,
    mock,
    publicOrigin,
    demoOrigin,
    registry: env.KYCVS_PROVIDERS
      ? loadRegistryFile(env.KYCVS_PROVIDERS, { plainHttp: mock ? 'any' : 'loopback' })
      : demoRegistry(demoOrigin),
    cowinApiBase: base?.ok ? base.base : undefined,
    cowinApiKey: env.COWIN_API_KEY || undefined,
    cowinTimeoutMs: wholeNumber(env, 'COWIN_TIMEOUT_MS', 10_000, 120_000),
    cowinUserAgent: env.COWIN_USER_AGENT || DEFAULT_COWIN_USER_AGENT,
    metricsPort: env.KYCVS_METRICS_PORT ? port(env, 'KYCVS_METRICS_PORT', 0) : undefined,
    shutdownSeconds: wholeNumber(env, 'KYCVS_SHUTDOWN_SECONDS', 10, 600),
    distDir: env.KYCVS_DIST_DIR || DEFAULT_DIST_DIR,
    signingKey: env.KYCVS_SIGNING_KEY || undefined,
    subjectSecret: env.KYCVS_SUBJECT_SECRET || undefined,
    redisUrl: redisUrl(env.KYCVS_REDIS_URL),
    rateLimits: rateLimits(env.KYCVS_RATE_LIMITS),
    trustProxy: trustProxy(env.KYCVS_TRUST_PROXY),
    otpMinMs: wholeNumber(env, 'KYCVS_OTP_MIN_MS', 400, 10_000),
  };
}

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { COWIN_MOCK_API_KEY, COWIN_MOCK_BASE, createCowinMock } from '../../mock-api';
import { readConfig } from './config';
import { createCowinClient } from './cowin/client';
import { createHost } from './host';
import type { Logger } from './http/log';
import { RATE_LIMIT_DEFAULTS, type RateLimits } from './limits';
import { createMemoryStore, type StateStore } from './state';
import { loadSigningKeys, loadSubjectSecret } from './token';
import type { VerificationService } from './verification';

/** A fixed start time, so that tests can step the shared clock by exact amounts. */
export const T0 = Date.parse('2025-01-15T10:00:00.000Z');
export const DEMO_ORIGIN = 'http://localhost:5173';
/** The tested host's public origin: the tokens' `iss`, and the only origin the widget API answers. */
export const ISSUER = 'http://127.0.0.1:5174';

/** An empty build folder, removed after the file's tests: for hosts whose tests need no built files. */
export function useEmptyDist(): string {
  const distDir = mkdtempSync(join(tmpdir(), 'kycvs-dist-'));
  mkdirSync(join(distDir, 'frame'));
  afterAll(() => rmSync(distDir, { recursive: true, force: true }));
  return distDir;
}

const unused = () => Promise.reject(new Error('not used'));
/** A verification service for tests whose requests never reach it. */
export const unusedService: VerificationService = { requestOtp: unused, resendOtp: unused, verify: unused };

/** The headers of the frame's own API calls: JSON, from the host's own origin. */
export const FRAME_CALL = {
  'content-type': 'application/json',
  origin: 'http://127.0.0.1:5174',
  'sec-fetch-site': 'same-origin',
} as const;

/**
 * An answer's text without its support reference, which is random and differs for every answer by
 * design (http/support-ref.ts): what is left must still compare byte for byte.
 */
export const withoutRef = (text: string) => text.replace(/,"ref":"[0-9A-HJKMNP-TV-Z]{8}"/g, '');

/** The smallest frame.html template the frame route fills in. */
export const FRAME_TEMPLATE = '<html lang="en"><head><!--kycvs-config--></head><body></body></html>';

export interface HostOptions {
  limits?: Partial<RateLimits>;
  /** KYCVS_TRUST_PROXY's list. @default [] */
  trustProxy?: readonly string[];
  otpMinMs?: number;
  /** The state store; hosts given one store share their state as hosts on one Redis do. @default a fresh memory store */
  store?: StateStore;
}

/**
 * The whole host as main.ts builds it (host.ts, `createHost`), with CoWIN answered by the real mock-api/ behind msw/node (as
 * cowin/mock-mode.ts does) and one clock shared by the host and the mock, which tests move. Call
 * `host()` in each test for a host with fresh limits; the mock's state is reset after each test.
 */
export function useMockedHost() {
  let time = T0;
  const clock = { now: () => time, advance: (ms: number) => void (time += ms) };
  const mock = createCowinMock({ now: clock.now });
  const server = setupServer(...mock.handlers);
  const distDir = useEmptyDist();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    mock.reset();
    server.resetHandlers();
    vi.restoreAllMocks();
    time = T0;
  });
  afterAll(() => server.close());
  const signingKeys = loadSigningKeys(undefined, () => {});
  const subjectSecret = loadSubjectSecret(undefined, () => {});
  // The host's defaults: the demo registry for http://localhost:5173, the public origin ISSUER.
  const config = readConfig({});

  async function host(options: HostOptions = {}) {
    const cowin = createCowinClient({ baseUrl: COWIN_MOCK_BASE, apiKey: COWIN_MOCK_API_KEY });
    const calls = {
      generateOtp: vi.spyOn(cowin, 'generateOtp'),
      confirmOtp: vi.spyOn(cowin, 'confirmOtp'),
    };
    const log = vi.fn<Logger>();
    const { app } = await createHost(
      {
        ...config,
        distDir,
        rateLimits: { ...RATE_LIMIT_DEFAULTS, ...options.limits },
        trustProxy: options.trustProxy ?? [],
        otpMinMs: options.otpMinMs ?? 0,
      },
      {
        now: clock.now,
        cowin,
        outbox: mock.outbox,
        store: options.store ?? createMemoryStore({ now: clock.now }),
        signingKeys: await signingKeys,
        subjectSecret,
        frameTemplate: FRAME_TEMPLATE,
        log,
        warn: () => {},
        processMetrics: false,
      },
    );

    const socket = (from: string) => ({
      incoming: { socket: { remoteAddress: from, remotePort: 50_000, remoteFamily: 'IPv4' } },
    });

    /**
     * A POST to the widget's API from `from` (the TCP peer, as @hono/node-server gives it), with the
     * headers the frame's own `fetch` carries (`headers` adds to or replaces them).
     */
    const post = async (path: string, body: unknown, from = '203.0.113.10', headers: Record<string, string> = {}) =>
      app.request(
        `/api/kycvs${path}`,
        { method: 'POST', headers: { ...FRAME_CALL, ...headers }, body: JSON.stringify(body) },
        socket(from),
      );

    /** Opens CoWIN's own page, as a browser would, and answers the `Cookie` header its calls then carry. */
    const visitStandalone = async (from = '203.0.113.10') => {
      const page = await app.request('/', {}, socket(from));
      return (page.headers.get('set-cookie') ?? '').split(';')[0]!;
    };

    return { app, post, visitStandalone, calls, log };
  }

  return { host, mock, clock, server };
}

import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { getResponse } from 'msw';
import { freePort } from '../scripts/cluster/free-port';
import { normalizeMobile } from '../contract';
import { COWIN_MOCK_API_KEY, createCowinMock, type CowinMock, type CowinMockOptions } from './index';

/** The mock as a real HTTP server: one CoWIN that several hosts share, as they share the real one. */
export interface CowinStandIn {
  /** For the hosts' `COWIN_API_BASE`. */
  baseUrl: string;
  /** For the hosts' `COWIN_API_KEY`. */
  apiKey: string;
  /** Where `GET /__dev__/sms?mobile=` answers, as the host's does in mock mode. */
  origin: string;
  mock: CowinMock;
  close(): Promise<void>;
}

export interface CowinStandInOptions extends Omit<CowinMockOptions, 'baseUrl'> {
  /** @default a free port */
  port?: number;
}

/**
 * Serves mock-api/'s handlers over HTTP on loopback (msw's `getResponse` answers each request the
 * way msw/node would inside a host). Hosts pointed at it by `COWIN_API_BASE` run as they would
 * against a real CoWIN, so a verification begun on one host can end on another, and a host can die
 * without taking CoWIN's transactions with it: the stand-in of the multi-host tests and the load bench.
 */
export async function startCowinStandIn(options: CowinStandInOptions = {}): Promise<CowinStandIn> {
  const { port = await freePort(), ...mockOptions } = options;
  const origin = `http://127.0.0.1:${port}`;
  const baseUrl = `${origin}/api`;
  const mock = createCowinMock({ ...mockOptions, baseUrl });
  const app = new Hono();
  app.get('/__dev__/sms', (c) => {
    c.header('cache-control', 'no-store');
    const mobile = normalizeMobile(c.req.query('mobile') ?? '');
    if (!mobile.ok) return c.json({ error: 'Give ?mobile= a 10-digit mobile number.' }, 400);
    return c.json(mock.outbox.list(mobile.value));
  });
  app.all('*', async (c) => (await getResponse(mock.handlers, c.req.raw)) ?? c.json({ errorCode: 'NOTFND0001' }, 404));

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(started));
  });
  return {
    baseUrl,
    apiKey: mockOptions.apiKey ?? COWIN_MOCK_API_KEY,
    origin,
    mock,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import type { Hono } from 'hono';

/** Why the host cannot serve now, or nothing when it can. */
export type Readiness = () => Promise<string | undefined>;

/**
 * `GET /healthz`: the process is up (a liveness probe: restart it when this fails).
 * `GET /readyz`: it can serve: registry and keys loaded (they are, or it would not have started),
 * the state store answers, and it is not shutting down; else 503 with the reason (a readiness
 * probe: send it no traffic meanwhile). Neither says more than that.
 */
export function healthRoutes(app: Hono, ready: Readiness): void {
  app.get('/healthz', (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ status: 'ok' });
  });
  app.get('/readyz', async (c) => {
    c.header('cache-control', 'no-store');
    const reason = await ready();
    return reason === undefined ? c.json({ status: 'ready' }) : c.json({ status: 'not ready', reason }, 503);
  });
}

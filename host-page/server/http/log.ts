import type { MiddlewareHandler } from 'hono';

export type Logger = (event: Record<string, unknown>) => void;

/** One JSON line per event on stdout: structured, and never carrying personal data. */
export const jsonLogger: Logger = (event) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`);
};

/** Logs method, path (never the query: it may carry a mobile on /__dev__/sms), status and duration. */
export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log({
      event: 'request',
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  };
}

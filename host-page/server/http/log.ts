import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import pino from 'pino';
import { requestContext, type RequestContext } from '../observability/request-context';

/** One log event: a name, a level, and facts, never personal data (docs/operations.md, "Logs"). */
export type LogEvent = Record<string, unknown> & { event: string; level?: 'info' | 'warn' | 'error' };
export type Logger = (event: LogEvent) => void;

const root = pino(
  {
    base: null,
    timestamp: pino.stdTimeFunctions.isoTime,
    // `"level":"warn"`, not pino's number: the lines are read by people as often as by machines.
    formatters: { level: (label) => ({ level: label }) },
  },
  process.stdout,
);

/**
 * One JSON line per event on stdout, by pino: `level` (as a word), `time`, the event's facts, and
 * the id and support reference of the request being handled, if any. Nothing personal goes in:
 * callers log ids, codes, shapes and durations, never a name, mobile, OTP, token or query string.
 */
export const jsonLogger: Logger = ({ level = 'info', ...event }) => {
  const context = requestContext.getStore();
  root[level]({
    ...(context === undefined ? {} : { requestId: context.requestId }),
    ...(context?.ref === undefined ? {} : { ref: context.ref }),
    ...event,
  });
};

/** An `x-request-id` worth keeping: what proxies send (a UUID, a trace id), nothing else. */
const usableId = (value: string | undefined) => (value && /^[\w.:-]{1,128}$/.test(value) ? value : undefined);

/**
 * One line per request: method, route (the pattern, never the query: it may carry a mobile on
 * /__dev__/sms), status, duration, request id, and the support reference when the API gave the
 * answer one (docs/support.md), at `warn` for 4xx and `error` for 5xx. The id is
 * the proxy's `x-request-id` when it sent a usable one, else made here, and sent back either way,
 * so that a clerk's complaint, the proxy's log and ours meet on one id.
 */
export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const requestId = usableId(c.req.header('x-request-id')) ?? randomUUID();
    const started = performance.now();
    const context: RequestContext = { requestId };
    await requestContext.run(context, async () => {
      await next();
      c.header('x-request-id', requestId);
      const status = c.res.status;
      log({
        event: 'request',
        level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
        method: c.req.method,
        path: c.req.path,
        route: routePath(c),
        status,
        ms: Math.round(performance.now() - started),
        ...(context.ref === undefined ? {} : { ref: context.ref }),
      });
    });
  };
}

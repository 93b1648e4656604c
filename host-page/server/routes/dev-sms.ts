import type { Hono } from 'hono';
import { ErrorCode, normalizeMobile } from '../../../contract';
import { fail, send } from '../api-error';

export interface SmsOutbox {
  list(mobile: string): Array<{ mobile: string; text: string; otp: string; sent_at: string }>;
}

/**
 * Mock mode only: `GET /__dev__/sms?mobile=NNNNNNNNNN`, the SMS the mock "sent", oldest first, for
 * the demo's mock phone and for tests. It is never mounted when a real CoWIN is configured.
 */
export function devSmsRoute(app: Hono, outbox: SmsOutbox, demoOrigin: string): void {
  app.get('/__dev__/sms', (c) => {
    c.header('access-control-allow-origin', demoOrigin);
    c.header('cache-control', 'no-store');
    const mobile = normalizeMobile(c.req.query('mobile') ?? '');
    if (!mobile.ok)
      return send(c, fail(400, ErrorCode.INVALID_MOBILE, { message: 'Give ?mobile= a 10-digit mobile number.' }));
    return c.json(outbox.list(mobile.value));
  });
}

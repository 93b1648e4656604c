import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod/mini';
import { OtpRequestSchema, ResendRequestSchema, VerifyRequestSchema } from '../../../widget/api';
import { ErrorCode } from '../../../widget/protocol';
import { apiHeaders } from '../http/security-headers';
import type { ApiLimits, CallKind } from '../limits';
import { isSameOriginCall } from '../standalone';
import { fail, type ApiOutcome, type CallOrigin, type VerificationService } from '../verification';

const badRequest = { error: { code: 'BAD_REQUEST', message: 'The request was not understood.' } } as const;

async function parseBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S> | undefined> {
  const body: unknown = await c.req.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  return parsed.success ? (parsed.data as z.infer<S>) : undefined;
}

function answer<T>(c: Context, outcome: ApiOutcome<T>) {
  c.header('cache-control', apiHeaders['cache-control']);
  if (outcome.ok) return c.json(outcome.data as object, 200);
  if (outcome.error.retryAfter !== undefined) c.header('retry-after', String(outcome.error.retryAfter));
  return c.json({ error: outcome.error }, outcome.status);
}

/**
 * The widget's API, `/api/kycvs/*`: JSON in, JSON out, `no-store`, within the rate limits.
 * `publicOrigin` is the host's own origin: calls from a page there may use CoWIN's own page's provider.
 */
export function apiRoutes(app: Hono, service: VerificationService, limits: ApiLimits, publicOrigin: string): void {
  // Headers first, so that they are on bodyLimit's own 413 answer too.
  app.use(
    '/api/kycvs/*',
    async (c, next) => {
      await next();
      for (const [name, value] of Object.entries(apiHeaders)) c.header(name, value);
    },
    bodyLimit({ maxSize: 4096, onError: (c) => c.json(badRequest, 413) }),
  );

  const route = <S extends z.ZodMiniType<{ provider: string }>, T>(
    path: string,
    kind: CallKind,
    schema: S,
    handle: (body: z.infer<S>, from: CallOrigin) => Promise<ApiOutcome<T>>,
  ) =>
    app.post(`/api/kycvs${path}`, async (c) => {
      const body = await parseBody(c, schema);
      // Every call counts, a malformed one too; a refused call goes no further, and never to CoWIN.
      const admitted = await limits.admit(c, { kind, provider: body?.provider });
      if (!admitted.ok) return answer(c, fail(429, ErrorCode.RATE_LIMITED, { retryAfter: admitted.retryAfter }));
      if (body === undefined) return c.json(badRequest, 400);
      return answer(
        c,
        await handle(body, { sameOrigin: isSameOriginCall((name) => c.req.header(name), publicOrigin) }),
      );
    });

  route('/otp', 'otp', OtpRequestSchema, (body, from) => service.requestOtp(body, from));
  route('/otp/resend', 'otp', ResendRequestSchema, (body, from) => service.resendOtp(body, from));
  route('/verify', 'verify', VerifyRequestSchema, (body, from) => service.verify(body, from));
}

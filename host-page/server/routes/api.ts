import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod/mini';
import { OtpRequestSchema, ResendRequestSchema, VerifyRequestSchema } from '../../../contract';
import { ErrorCode } from '../../../contract';
import { apiHeaders } from '../http/security-headers';
import type { ApiLimits, CallKind } from '../limits';
import { isSameOriginCall, isSelfProvider, type SelfCheckCookie } from '../standalone';
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

export interface ApiRoutesOptions {
  /** The host's own origin, where the frame and CoWIN's own page run: the only one that may call. */
  publicOrigin: string;
  /** Reads CoWIN's own page's cookie, without which `cowin-self` is unknown. */
  selfCheckCookie: SelfCheckCookie;
  /** Told each call's outcome (`ok` or its error code), for the metrics. */
  observe?: (call: 'otp' | 'resend' | 'verify', provider: string, outcome: string) => void;
}

/**
 * Why a call is not the frame's (or CoWIN's own page's), before anything else is done for it. The
 * API is for the frame alone, which runs on the host's origin and posts JSON with `fetch`: a page
 * elsewhere could otherwise make its visitors' browsers send OTP requests with a "simple" request
 * (a form, or `text/plain`, which needs no CORS preflight). Browsers always send `Origin` on a POST
 * and `Sec-Fetch-Site` where they know it, and no page can forge either (standalone/same-origin.ts).
 */
function refusal(c: Context, publicOrigin: string) {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return c.json(
      {
        error: { code: ErrorCode.BAD_REQUEST, message: 'Send the body as JSON, with Content-Type: application/json.' },
      },
      415,
    );
  }
  if (!isSameOriginCall((name) => c.req.header(name), publicOrigin)) {
    const message = `This API answers only the kycvs widget on ${publicOrigin}: embed the widget rather than calling it.`;
    return c.json({ error: { code: ErrorCode.ORIGIN_NOT_ALLOWED, message } }, 403);
  }
  return undefined;
}

/**
 * The widget's API, `/api/kycvs/*`: JSON in, JSON out, `no-store`, for the frame only, within the
 * per-client limits. Only the calls that then do something real count against their provider
 * (verification/service.ts), so made-up calls cannot use up a provider's budget.
 */
export function apiRoutes(app: Hono, service: VerificationService, limits: ApiLimits, options: ApiRoutesOptions): void {
  const { publicOrigin, selfCheckCookie, observe } = options;
  // Headers after the handler, so that they are on every answer under /api/kycvs/, errors too.
  app.use('/api/kycvs/*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(apiHeaders)) c.header(name, value);
  });

  const route = <S extends z.ZodMiniType<{ provider: string }>, T>(
    path: string,
    call: 'otp' | 'resend' | 'verify',
    kind: CallKind,
    schema: S,
    handle: (body: z.infer<S>, from: CallOrigin) => Promise<ApiOutcome<T>>,
  ) =>
    app.post(`/api/kycvs${path}`, bodyLimit({ maxSize: 4096, onError: (c) => c.json(badRequest, 413) }), async (c) => {
      const refused = refusal(c, publicOrigin);
      if (refused) return refused;
      // Every call counts per client, a malformed one too; a refused call goes no further, and never to CoWIN.
      const client = limits.clientOf(c);
      const admitted = await limits.admit(client, kind);
      if (!admitted.ok) return answer(c, fail(429, ErrorCode.RATE_LIMITED, { retryAfter: admitted.retryAfter }));
      const body = await parseBody(c, schema);
      if (body === undefined) return c.json(badRequest, 400);
      const selfCheck = isSelfProvider(body.provider) ? selfCheckCookie.read(c.req.header('cookie')) : undefined;
      const outcome = await handle(body, { client, selfCheck });
      observe?.(call, body.provider, outcome.ok ? 'ok' : outcome.error.code);
      return answer(c, outcome);
    });

  route('/otp', 'otp', 'otp', OtpRequestSchema, (body, from) => service.requestOtp(body, from));
  route('/otp/resend', 'resend', 'otp', ResendRequestSchema, (body, from) => service.resendOtp(body, from));
  route('/verify', 'verify', 'verify', VerifyRequestSchema, (body, from) => service.verify(body, from));
}

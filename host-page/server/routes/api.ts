import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod/mini';
import { API_BASE, ErrorCode, OtpRequestSchema, ResendRequestSchema, VerifyRequestSchema } from '../../../contract';
import { fail, send, type ApiOutcome } from '../api-error';
import { apiHeaders } from '../http/security-headers';
import { supportRefOf, supportRefs } from '../http/support-ref';
import type { ApiLimits, CallKind } from '../limits';
import type { ProviderRegistry } from '../registry';
import type { SiteverifyOptions } from '../siteverify';
import { isSameOriginCall, isSelfProvider, type SelfCheckCookie } from '../standalone';
import type { CallOrigin, VerificationService } from '../verification';
import { embedCheckRoute } from './embed-check';
import { siteverifyRoute } from './siteverify';

export interface ApiOptions {
  service: VerificationService;
  limits: ApiLimits;
  registry: ProviderRegistry;
  /** The host's own origin, where the frame and CoWIN's own page run: the only one that may call. */
  publicOrigin: string;
  /** Reads CoWIN's own page's cookie, without which `cowin-self` is unknown. */
  selfCheckCookie: SelfCheckCookie;
  /** siteverify's keys, used-token store and issuer. */
  siteverify: Omit<SiteverifyOptions, 'registry'>;
  /** Told each widget call's outcome (`ok` or its error code), for the metrics. */
  observe?: (call: 'otp' | 'resend' | 'verify', provider: string, outcome: string) => void;
  /** Told each siteverify verdict, for the metrics. */
  observeVerdict?: (result: string) => void;
}

/**
 * Why a call is not the frame's (or CoWIN's own page's), before anything else is done for it. The
 * widget's calls are for the frame alone, which runs on the host's origin and posts JSON with
 * `fetch`: a page elsewhere could otherwise make its visitors' browsers send OTP requests with a
 * "simple" request (a form, or `text/plain`, which needs no CORS preflight). Browsers always send
 * `Origin` on a POST and `Sec-Fetch-Site` where they know it, and no page can forge either
 * (standalone/same-origin.ts).
 */
function frameOnly(publicOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      const message = 'Send the body as JSON, with Content-Type: application/json.';
      return send(c, fail(415, ErrorCode.BAD_REQUEST, { message }));
    }
    if (!isSameOriginCall((name) => c.req.header(name), publicOrigin)) {
      const message = `This API answers only the kycvs widget on ${publicOrigin}: embed the widget rather than calling it.`;
      return send(c, fail(403, ErrorCode.ORIGIN_NOT_ALLOWED, { message }));
    }
    return next();
  };
}

async function parseBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S> | undefined> {
  const body: unknown = await c.req.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  return parsed.success ? (parsed.data as z.infer<S>) : undefined;
}

/** A result carries its answer's support reference (docs/support.md), as an error does in `send`. */
const withRef = <T extends object>(outcome: ApiOutcome<T>, ref: string | undefined): ApiOutcome<T> =>
  outcome.ok && ref !== undefined ? { ok: true, data: { ...outcome.data, ref } } : outcome;

/**
 * The host's API, a sub-app at `/api/kycvs` with its own middleware (docs/api.md): the widget's
 * three calls, JSON in and out, for the frame only, within the per-client limits (only the calls
 * that then do something real count against their provider: verification/service.ts);
 * siteverify, for providers' servers; embed-check, for debug mode on any page. Every answer is
 * `no-store` and `nosniff`, and has a support reference (`x-kycvs-ref`, docs/support.md).
 */
export function apiApp(options: ApiOptions): Hono {
  const { service, limits, registry, publicOrigin, selfCheckCookie, observe } = options;
  const api = new Hono();
  // Headers after the handler, so that they are on every answer, bodyLimit's and errors' too.
  api.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(apiHeaders)) c.header(name, value);
  });
  api.use(supportRefs());

  const widgetCall = <S extends z.ZodMiniType<{ provider: string }>, T>(
    path: string,
    call: 'otp' | 'resend' | 'verify',
    kind: CallKind,
    schema: S,
    handle: (body: z.infer<S>, from: CallOrigin, ref: string | undefined) => Promise<ApiOutcome<T>>,
  ) =>
    api.post(
      path,
      bodyLimit({ maxSize: 4096, onError: (c) => send(c, fail(413, ErrorCode.BAD_REQUEST)) }),
      frameOnly(publicOrigin),
      async (c) => {
        // Every call counts per client, a malformed one too; a refused call goes no further, and never to CoWIN.
        const client = limits.clientOf(c);
        const admitted = await limits.admit(client, kind);
        if (!admitted.ok) return send(c, fail(429, ErrorCode.RATE_LIMITED, { retryAfter: admitted.retryAfter }));
        const body = await parseBody(c, schema);
        if (body === undefined) return send(c, fail(400, ErrorCode.BAD_REQUEST));
        const selfCheck = isSelfProvider(body.provider) ? selfCheckCookie.read(c.req.header('cookie')) : undefined;
        const outcome = await handle(body, { client, selfCheck }, supportRefOf(c));
        observe?.(call, body.provider, outcome.ok ? 'ok' : outcome.error.code);
        return send(c, outcome);
      },
    );

  widgetCall('/otp', 'otp', 'otp', OtpRequestSchema, (body, from) => service.requestOtp(body, from));
  widgetCall('/otp/resend', 'resend', 'otp', ResendRequestSchema, (body, from) => service.resendOtp(body, from));
  widgetCall('/verify', 'verify', 'verify', VerifyRequestSchema, async (body, from, ref) =>
    withRef(await service.verify(body, from), ref),
  );
  embedCheckRoute(api, registry, limits);
  siteverifyRoute(api, {
    ...options.siteverify,
    registry,
    limits,
    ...(options.observeVerdict ? { observe: options.observeVerdict } : {}),
  });
  return api;
}

/** Mounts the API at `API_BASE` (`/api/kycvs`). */
export function mountApi(app: Hono, options: ApiOptions): void {
  app.route(API_BASE, apiApp(options));
}

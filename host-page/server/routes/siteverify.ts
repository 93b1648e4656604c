import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SiteverifyRequestSchema } from '../../../contract';
import { apiHeaders } from '../http/security-headers';
import type { ApiLimits } from '../limits';
import {
  createSiteverify,
  SiteverifyErrorCode,
  type SiteverifyAnswer,
  type SiteverifyOptions,
  type SiteverifyRequest,
} from '../siteverify';

const badRequest: SiteverifyAnswer = { success: false, 'error-codes': [SiteverifyErrorCode.BAD_REQUEST] };

/** The request's fields: what the contract's schema reads (contract/api/siteverify.ts). */
const FIELDS = ['token', 'code', 'secret', 'idempotency_key'] as const;

function parse(body: unknown): SiteverifyRequest | undefined {
  const parsed = SiteverifyRequestSchema.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

function fromJson(text: string): SiteverifyRequest | undefined {
  try {
    return parse(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function fromForm(text: string): SiteverifyRequest | undefined {
  const form = new URLSearchParams(text);
  // Two values for one name is ambiguous: which one would the provider have meant?
  if (FIELDS.some((name) => form.getAll(name).length > 1)) return undefined;
  return parse(Object.fromEntries(FIELDS.flatMap((name) => (form.has(name) ? [[name, form.get(name)]] : []))));
}

/** JSON, as docs/api.md says; a form body too, as Turnstile's siteverify accepts one. */
async function readRequest(c: Context): Promise<SiteverifyRequest | undefined> {
  const text = await c.req.text();
  const type = c.req.header('content-type') ?? '';
  return /^application\/x-www-form-urlencoded\b/i.test(type) ? fromForm(text) : fromJson(text);
}

function send(c: Context, body: SiteverifyAnswer, status: 200 | 400 | 413 | 429) {
  for (const [name, value] of Object.entries(apiHeaders)) c.header(name, value);
  return c.json(body, status);
}

/**
 * `POST /api/kycvs/siteverify` (docs/api.md, "siteverify"): a provider's server asks whether a token is good, once. A verdict,
 * yes or no, is 200 (as Turnstile answers); only a body that cannot be read is 400. Server to
 * server, so no CORS: a page has no business reading the verdict.
 */
export function siteverifyRoute(
  /** The API's sub-app, mounted at /api/kycvs (routes/api.ts). */
  app: Hono,
  options: SiteverifyOptions & { limits: ApiLimits; observe?: (result: string) => void },
): void {
  const { limits, observe, ...checks } = options;
  const siteverify = createSiteverify(checks);
  const answer = (c: Context, body: SiteverifyAnswer, status: 200 | 400 | 413 | 429) => {
    observe?.(body.success ? 'success' : body['error-codes'].join(','));
    return send(c, body, status);
  };
  app.post(
    '/siteverify',
    // A token is under 1 KB; this route must not depend on the widget API's limit to stay small.
    bodyLimit({ maxSize: 8192, onError: (c) => answer(c, badRequest, 413) }),
    async (c) => {
      // Per calling address, before the token is even read: a provider's server may retry, not flood.
      const admitted = await limits.admit(limits.clientOf(c), 'siteverify');
      if (!admitted.ok) {
        c.header('retry-after', String(admitted.retryAfter));
        return answer(c, { success: false, 'error-codes': [SiteverifyErrorCode.RATE_LIMITED] }, 429);
      }
      const request = await readRequest(c);
      // Both a token and a code: which one would the provider have meant? (docs/redirect.md)
      if (!request || (request.token && request.code)) return answer(c, badRequest, 400);
      return answer(c, await siteverify(request), 200);
    },
  );
}

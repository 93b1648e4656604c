import type { Context, Hono } from 'hono';
import { ErrorCode, isExactOrigin, type EmbedCheck } from '../../../contract';
import { fail, send } from '../api-error';
import type { ApiLimits } from '../limits';
import type { ProviderRegistry } from '../registry';

/** Longer than any id or origin anyone registers: a longer value is a mistake, not a question. */
const MAX_LENGTH = 256;

const badRequest = (message: string) => fail(400, ErrorCode.BAD_REQUEST, { message });

/** The one value of `name` in the query, or why there is not exactly one sensible value. */
function single(c: Context, name: string, example: string): { value: string } | { problem: string } {
  const values = c.req.queries(name) ?? [];
  if (values.length !== 1 || !values[0]) return { problem: `Give ?${name}= exactly once, such as ${example}.` };
  const value = values[0];
  if (value.length > MAX_LENGTH) return { problem: `?${name}= is longer than ${MAX_LENGTH} characters.` };
  // Printable ASCII: ids are, and browsers write origins in ASCII (punycode for other scripts).
  if (!/^[\x21-\x7e]+$/.test(value)) return { problem: `?${name}= may hold no spaces and no characters beyond ASCII.` };
  return { value };
}

/**
 * `GET /api/kycvs/embed-check?provider=ID&origin=ORIGIN`: for debug mode on a provider's page,
 * whether that provider id is registered and whether that page origin may embed it, so that the
 * loader can tell the developer which of the two is wrong (in the browser both look alike: the
 * frame is refused). It says nothing anyone could not learn from frame.html's status and its
 * `frame-ancestors` header, and nothing else: not the provider's name, scope or other origins.
 *
 * Any page may ask (`access-control-allow-origin: *`, no credentials), so it counts against the
 * asking client's limits like every widget API call. It does not count against the provider's: a
 * stranger's checks would otherwise use up a real provider's budget.
 */
export function embedCheckRoute(api: Hono, registry: ProviderRegistry, limits: ApiLimits): void {
  api.get('/embed-check', async (c) => {
    c.header('access-control-allow-origin', '*');

    const admitted = await limits.admit(limits.clientOf(c), 'verify');
    if (!admitted.ok) return send(c, fail(429, ErrorCode.RATE_LIMITED, { retryAfter: admitted.retryAfter }));

    const provider = single(c, 'provider', 'provider=demo-travel');
    if ('problem' in provider) return send(c, badRequest(provider.problem));
    const origin = single(c, 'origin', 'origin=https%3A%2F%2Fagency.example');
    if ('problem' in origin) return send(c, badRequest(origin.problem));
    if (!isExactOrigin(origin.value)) {
      return send(
        c,
        badRequest(
          "?origin= must be the page's exact origin, such as https://agency.example: http or https, the host and any port, and no path or trailing slash.",
        ),
      );
    }

    const registered = registry.get(provider.value);
    const answer: EmbedCheck = {
      provider: registered !== undefined,
      origin: registered?.allowed_origins.includes(origin.value) ?? false,
    };
    return send(c, { ok: true, data: answer });
  });
}

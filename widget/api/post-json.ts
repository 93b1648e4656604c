import type * as z from 'zod/mini';
import { ApiErrorBodySchema, newSupportRef, type ApiErrorBody } from '../../contract';

/** What an API call failed with: plain data, as the host sent it or as the client concluded. */
export type ApiError = ApiErrorBody['error'];

/** An expected failure is a value, not an exception, as zod's `safeParse` is. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export interface PostOptions {
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
}

const fail = (error: ApiError): { ok: false; error: ApiError } => ({ ok: false, error });

/**
 * A fault the host never answered in its own words (offline, a timeout, a proxy's page, a malformed
 * body): the host logged no reference for it, so the frame makes one, for the person to quote and
 * the page to log (docs/protocol.md).
 */
const ownFault = (code: ApiError['code'], message: string): ApiError => ({
  code,
  message,
  ref: newSupportRef(),
});

/**
 * POSTs `body` as JSON and parses the answer with `schema`. Never throws: offline, a timeout, a 5xx
 * or a body that does not match the schema each end in `{ ok: false, error }`.
 */
export async function postJson<T>(
  url: string,
  body: unknown,
  schema: z.ZodMiniType<T>,
  { fetch, timeoutMs }: PostOptions,
): Promise<ApiResult<T>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        // The API is on the frame's own origin; no cookie or credential goes anywhere else.
        credentials: 'same-origin',
        signal: controller.signal,
      });
    } catch {
      return fail(timedOut ? ownFault('TIMEOUT', 'No answer in time.') : ownFault('NETWORK_ERROR', 'No connection.'));
    }
    const json = await response.json().then(
      (value: unknown) => ({ value }),
      () => undefined,
    );
    if (timedOut) return fail(ownFault('TIMEOUT', 'No answer in time.'));
    if (response.ok) {
      const parsed = json && schema.safeParse(json.value);
      return parsed?.success ? { ok: true, data: parsed.data } : fail(ownFault('SERVER_ERROR', 'Malformed answer.'));
    }
    return fail(errorFromResponse(response, json?.value));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Turns a non-2xx answer into an `ApiError`, trusting the body only when it has the agreed shape
 * (and then keeping the host's `ref`); any other body is a proxy's or a CDN's, with a reference of ours.
 */
function errorFromResponse(response: Response, body: unknown): ApiError {
  const parsed = ApiErrorBodySchema.safeParse(body);
  const error: ApiError = parsed.success
    ? { ...parsed.data.error }
    : response.status === 429
      ? ownFault('RATE_LIMITED', 'Too many requests.')
      : response.status === 400
        ? ownFault('BAD_REQUEST', 'Bad request.')
        : ownFault('SERVER_ERROR', `HTTP ${response.status}.`);
  if (response.status === 429 && error.retryAfter === undefined) {
    const seconds = parseRetryAfter(response.headers.get('retry-after'));
    if (seconds !== undefined) error.retryAfter = seconds;
  }
  return error;
}

/**
 * `Retry-After` is either whole seconds or an HTTP date.
 * https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

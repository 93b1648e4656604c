import type { Context, MiddlewareHandler } from 'hono';
import { newSupportRef } from '../../../contract';
import { requestContext } from '../observability/request-context';

/** The response header that carries an answer's support reference (docs/support.md). */
export const SUPPORT_REF_HEADER = 'x-kycvs-ref';

const KEY = 'kycvsRef';

/**
 * Gives every answer of the API a fresh support reference (docs/support.md): a few random
 * characters, no personal data, that the counter clerk can read out to support and the operator
 * finds in the host's log. Sent in `x-kycvs-ref` on every answer, errors and siteverify's too
 * (set after the handler, so that body-limit and error answers carry it), put in the body by
 * `send` (api-error.ts) and the verify route, and written on the request's log line.
 */
export function supportRefs(make: () => string = newSupportRef): MiddlewareHandler {
  return async (c, next) => {
    const ref = make();
    c.set(KEY, ref);
    const context = requestContext.getStore();
    if (context) context.ref = ref;
    await next();
    c.header(SUPPORT_REF_HEADER, ref);
  };
}

/** This request's support reference, once `supportRefs` has made one. */
export function supportRefOf(c: Context): string | undefined {
  const ref: unknown = c.get(KEY);
  return typeof ref === 'string' ? ref : undefined;
}

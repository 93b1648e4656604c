import { http } from 'msw';
import type { MockContext } from '../context';
import { cowinError } from '../errors';
import { refuseWithoutApiKey } from './api-key';

/**
 * Anything else under the base URL gets CoWIN-shaped 404 rather than falling through to the
 * network: `cowin.mock` does not exist, and a typo in the host should fail plainly.
 */
export function notFoundHandler(ctx: MockContext) {
  return http.all(
    `${ctx.baseUrl}/*`,
    ({ request }) => refuseWithoutApiKey(request, ctx.apiKey) ?? cowinError('NOTFND0001'),
  );
}

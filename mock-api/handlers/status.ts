import { HttpResponse, http } from 'msw';
import type { MockContext } from '../context';
import { cowinError } from '../errors';
import { statusBody } from '../record';
import { refuseWithoutApiKey } from './api-key';

const bearer = /^Bearer\s+(\S+)$/i;

/**
 * `GET /v3/vaccination/status` with `Authorization: Bearer <token>` → the status and record of the
 * one person the token was issued for. A token may be used again until it expires (15 min).
 */
export function statusHandler(ctx: MockContext) {
  return http.get(`${ctx.baseUrl}/v3/vaccination/status`, async ({ request }) => {
    const refusal = refuseWithoutApiKey(request, ctx.apiKey);
    if (refusal) return refusal;
    const token = bearer.exec(request.headers.get('authorization') ?? '')?.[1];
    const key = token === undefined ? undefined : await ctx.tokens.verify(token);
    const person = key === undefined ? undefined : ctx.directory.byKey(key);
    if (!person) return cowinError('USRAUT0001');
    return HttpResponse.json(statusBody(person));
  });
}

import { HttpResponse, http } from 'msw';
import type { MockContext } from '../context';
import { recordedResponse } from '../recorded';
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
    const fault = ctx.faults.take('status');
    if (fault) return fault;
    const token = bearer.exec(request.headers.get('authorization') ?? '')?.[1];
    const key = token === undefined ? undefined : await ctx.tokens.verify(token);
    const person = key === undefined ? undefined : ctx.directory.byKey(key);
    // The gateway's own words for a dead token: plain text (recorded-answers.json).
    if (!person) return recordedResponse('unauthenticated');
    return HttpResponse.json(statusBody(person));
  });
}

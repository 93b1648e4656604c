import { HttpResponse, http } from 'msw';
import * as z from 'zod/mini';
import type { MockContext } from '../context';
import { cowinError } from '../errors';
import { refuseWithoutApiKey } from './api-key';
import { readJson } from './read-json';

const ConfirmOtpBody = z.object({
  // CoWIN takes the OTP only as its SHA-256, so the plain digits never travel.
  otp: z.string().check(z.regex(/^[0-9a-f]{64}$/i), z.toLowerCase()),
  txnId: z.string().check(z.minLength(1), z.maxLength(64)),
});

/**
 * `POST /v3/vaccination/confirmOTP` → `{ token }`. Wrong, unknown and phantom transactions all
 * answer USRAUT0014 through the one path of otp-store.ts; expired or used USRAUT0015; the third
 * wrong try and everything after it USRAUT0017.
 */
export function confirmOtpHandler(ctx: MockContext) {
  return http.post(`${ctx.baseUrl}/v3/vaccination/confirmOTP`, async ({ request }) => {
    const refusal = refuseWithoutApiKey(request, ctx.apiKey);
    if (refusal) return refusal;
    const fault = ctx.faults.take('confirmOtp');
    if (fault) return fault;
    const body = await readJson(request, ConfirmOtpBody);
    if (!body) return cowinError('VALIDN0001');

    const outcome = ctx.otps.confirm(body.txnId, body.otp, ctx.now());
    if (!outcome.ok) return cowinError(outcome.code);
    return HttpResponse.json({ token: await ctx.tokens.issue(outcome.beneficiaryKey, body.txnId) });
  });
}

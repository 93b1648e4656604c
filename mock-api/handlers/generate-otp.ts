import { HttpResponse, http } from 'msw';
import * as z from 'zod/mini';
import { NAME_MAX_LENGTH } from '../../contract';
import type { MockContext } from '../context';
import { cowinError } from '../errors';
import { newOtp, sha256Hex, unmatchableHash } from '../otp';
import { sanitizeRequester, selfCheckSite, smsText, webOtpHosts } from '../sms-text';
import { refuseWithoutApiKey } from './api-key';
import { readJson } from './read-json';

const GenerateOtpBody = z.object({
  mobile_number: z.string().check(z.regex(/^[6-9]\d{9}$/)),
  full_name: z.string().check(z.trim(), z.minLength(1), z.maxLength(NAME_MAX_LENGTH)),
});

/**
 * `POST /v3/vaccination/generateOTP` → `{ txnId }`. Registered or not, matching name or not, the
 * answer is the same 200 after the same work; only a real match also "sends" the SMS. A mismatch
 * becomes a phantom transaction that later fails as a wrong OTP (docs/architecture.md, "Rules every part keeps").
 */
export function generateOtpHandler(ctx: MockContext) {
  return http.post(`${ctx.baseUrl}/v3/vaccination/generateOTP`, async ({ request }) => {
    const refusal = refuseWithoutApiKey(request, ctx.apiKey);
    if (refusal) return refusal;
    const fault = ctx.faults.take('generateOtp');
    if (fault) return fault;
    const body = await readJson(request, GenerateOtpBody);
    if (!body) return cowinError('VALIDN0001');

    const now = ctx.now();
    const mobile = body.mobile_number;
    const quota = ctx.quota.take(mobile, now);
    if (!quota.ok) return cowinError('OTPLMT0001', { 'Retry-After': String(quota.retryAfterSeconds) });

    const person = ctx.directory.match(mobile, body.full_name);
    const otp = newOtp();
    const txnId = ctx.otps.open(mobile, person?.key, person ? sha256Hex(otp) : unmatchableHash(), now);
    if (person) {
      const text = smsText(otp, {
        requester: sanitizeRequester(request.headers.get('x-requester-name')),
        selfCheckSite: selfCheckSite(request.headers.get('x-self-check-site')),
        webOtpHosts: webOtpHosts(request.headers.get('x-webotp-origins')),
      });
      ctx.outbox.push({ mobile, text, otp, sent_at: new Date(now).toISOString() });
    }
    return HttpResponse.json({ txnId });
  });
}

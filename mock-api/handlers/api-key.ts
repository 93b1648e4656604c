import { createHash, timingSafeEqual } from 'node:crypto';
import { recordedResponse } from '../recorded';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * CoWIN's v3 API answers only callers holding an API key. Returns what its gateway answers without
 * one (a 403 `{"message":"Forbidden"}`, recorded-answers.json), or `undefined` when the key is
 * right. Hashing first gives equal lengths, so the comparison is constant-time.
 */
export function refuseWithoutApiKey(request: Request, apiKey: string): Response | undefined {
  const given = request.headers.get('x-api-key');
  if (given !== null && timingSafeEqual(digest(given), digest(apiKey))) return undefined;
  return recordedResponse('forbidden-key');
}

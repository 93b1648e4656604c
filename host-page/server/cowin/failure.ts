import type { Answer, AnswerShape } from './answer';

export type CowinCall = 'generateOtp' | 'confirmOtp' | 'status';

/** Phrases CoWIN's gateway answers in plain text, which the host acts on. */
export type KnownPhrase = 'otp-already-sent' | 'unauthenticated';

/**
 * Why a CoWIN call failed, classified by HTTP status first and enriched by CoWIN's `errorCode` when
 * the body has one (docs/cowin.md, "How the host reads CoWIN's answers"). Callers map these to our
 * own codes: CoWIN's never pass through to the widget.
 */
export type CowinFailure = { call: CowinCall } & (
  | /** A 4xx about this request (a wrong OTP, a mismatch, a pending OTP, a dead token). */ {
      kind: 'rejected';
      status: number;
      shape: AnswerShape;
      errorCode?: string;
      phrase?: KnownPhrase;
    }
  | /** 429 in any shape: CoWIN or its gateway wants fewer calls; or the host's own outbound limit (`byHost`). */ {
      kind: 'limited';
      status: 429;
      shape: AnswerShape;
      retryAfter?: number;
      byHost?: true;
    }
  | /** 403 in any shape: the key, the host's address (geo-fence) or a WAF. Nothing a person can change. */ {
      kind: 'refused';
      status: 403;
      shape: AnswerShape;
    }
  | /** No usable answer: none in time, no connection, a 5xx, or a body of the wrong shape. */ {
      kind: 'unavailable';
      reason: 'timeout' | 'network' | 'server' | 'malformed';
      status?: number;
      shape?: AnswerShape;
    }
);

const phrases: Array<[RegExp, KnownPhrase]> = [
  [/^otp already sent/i, 'otp-already-sent'],
  [/^unauthenticated access/i, 'unauthenticated'],
];

/** `Retry-After` in whole seconds when it is one (an HTTP date or anything else is left out). */
function retryAfterOf(headers: Headers): number | undefined {
  const value = Number(headers.get('retry-after'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The failure a non-2xx answer means. */
export function classify(call: CowinCall, answer: Answer): CowinFailure {
  const { status, shape } = answer;
  if (status === 504) return { call, kind: 'unavailable', reason: 'timeout', status, shape };
  if (status >= 500) return { call, kind: 'unavailable', reason: 'server', status, shape };
  if (status === 429) {
    const retryAfter = retryAfterOf(answer.headers);
    return { call, kind: 'limited', status, shape, ...(retryAfter === undefined ? {} : { retryAfter }) };
  }
  if (status === 403) return { call, kind: 'refused', status, shape };
  if (status >= 400) {
    const body = answer.json as { errorCode?: unknown } | undefined;
    const errorCode = typeof body?.errorCode === 'string' ? body.errorCode : undefined;
    const phrase = shape === 'text' ? phrases.find(([pattern]) => pattern.test(answer.text))?.[1] : undefined;
    return {
      call,
      kind: 'rejected',
      status,
      shape,
      ...(errorCode === undefined ? {} : { errorCode }),
      ...(phrase === undefined ? {} : { phrase }),
    };
  }
  // A redirect or an informational status: not an answer the host can use.
  return { call, kind: 'unavailable', reason: 'malformed', status, shape };
}

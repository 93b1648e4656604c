import type { CowinClient, CowinFailure, CowinResult } from '../cowin/client';
import type { Logger } from '../http/log';
import type { HostMetrics } from './metrics';

/** A failure as one word for a metric label: `limited`, `refused`, `unavailable-timeout`, … */
export function resultOf(failure: CowinFailure): string {
  if (failure.kind === 'unavailable') return `unavailable-${failure.reason}`;
  if (failure.kind === 'limited' && failure.byHost) return 'limited-by-host';
  return failure.kind;
}

/** What an operator should read into each failure, in words. */
function explain(failure: CowinFailure): string | undefined {
  if (failure.kind === 'refused') return 'CoWIN refused the host (key, IP or WAF)';
  if (failure.kind === 'limited') {
    return failure.byHost ? 'the cowin rule of KYCVS_RATE_LIMITS held a call back' : 'CoWIN limited the host';
  }
  if (failure.kind === 'unavailable' && failure.reason === 'malformed') {
    return 'CoWIN answered in a shape the host does not know';
  }
  return undefined;
}

/**
 * The CoWIN client with its calls counted and timed, and each failure logged with the call, HTTP
 * status and answer shape (never the body, which may name the person). A rejection is the person's
 * (a wrong OTP) and is logged at `info`; a refusal or an unknown shape is the operator's, at `error`.
 */
export function instrumentCowin(client: CowinClient, metrics: HostMetrics | undefined, log: Logger): CowinClient {
  const observe = async <T>(call: string, send: () => Promise<CowinResult<T>>): Promise<CowinResult<T>> => {
    const started = performance.now();
    const result = await send();
    const seconds = (performance.now() - started) / 1000;
    metrics?.cowinCall(call, result.ok ? 'ok' : resultOf(result.failure), seconds);
    if (!result.ok) {
      const { failure } = result;
      const level =
        failure.kind === 'rejected' ? 'info' : failure.kind === 'refused' || explain(failure) ? 'error' : 'warn';
      const message = explain(failure);
      log({
        event: 'cowin-failure',
        level: failure.kind === 'limited' ? 'warn' : level,
        call,
        result: resultOf(failure),
        ...('status' in failure && failure.status !== undefined ? { httpStatus: failure.status } : {}),
        ...('shape' in failure && failure.shape !== undefined ? { shape: failure.shape } : {}),
        ...(failure.kind === 'rejected' && failure.errorCode ? { errorCode: failure.errorCode } : {}),
        ms: Math.round(seconds * 1000),
        ...(message ? { message } : {}),
      });
    }
    return result;
  };
  return {
    generateOtp: (input) => observe('generateOtp', () => client.generateOtp(input)),
    confirmOtp: (input) => observe('confirmOtp', () => client.confirmOtp(input)),
    status: (token) => observe('status', () => client.status(token)),
  };
}

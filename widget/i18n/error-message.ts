import type { ErrorCode } from '../../contract';
import type { MessageKey } from './en';
import type { Translate } from './translate';

/** The table key of an error code. Typed so that a code without a message fails the typecheck. */
export const errorKey = (code: ErrorCode): MessageKey => `error.${code}`;

/** The sentence for an error, with the wait filled in for `RATE_LIMITED`. */
export function errorMessage(t: Translate, error: { code: ErrorCode; retryAfter?: number | undefined }): string {
  if (error.code === 'RATE_LIMITED') {
    return error.retryAfter === undefined
      ? t('error.RATE_LIMITED.noWait')
      : t('error.RATE_LIMITED', { seconds: Math.ceil(error.retryAfter) });
  }
  return t(errorKey(error.code));
}

import type { ErrorCode } from '../../contract';
import { sayDuration } from './duration';
import type { MessageKey } from './en';
import type { Translate } from './translate';

/**
 * Codes that only the loader raises, on the embedding page, where the page words them (docs/portals.md,
 * "Error codes"): the frame never shows them, so the tables have no sentence for them.
 */
type LoaderOnlyCode = 'FRAME_TIMEOUT' | 'DESTROYED' | 'CONTAINER_NOT_FOUND';

/** The codes the frame may show. */
export type FrameErrorCode = Exclude<ErrorCode, LoaderOnlyCode>;

/** The table key of an error code. Typed so that a code without a message fails the typecheck. */
export const errorKey = (code: FrameErrorCode): MessageKey => `error.${code}`;

const loaderOnly: ReadonlySet<ErrorCode> = new Set<LoaderOnlyCode>([
  'FRAME_TIMEOUT',
  'DESTROYED',
  'CONTAINER_NOT_FOUND',
]);
const isFrameCode = (code: ErrorCode): code is FrameErrorCode => !loaderOnly.has(code);

/** The sentence for an error, with the wait of `RATE_LIMITED` said as a duration ("1 hour"). */
export function errorMessage(t: Translate, error: { code: ErrorCode; retryAfter?: number | undefined }): string {
  if (error.code === 'RATE_LIMITED') {
    return error.retryAfter === undefined
      ? t('error.RATE_LIMITED.noWait')
      : t('error.RATE_LIMITED', { duration: sayDuration(t, error.retryAfter) });
  }
  // A loader-only code never reaches the frame; were one to, a general sentence beats a key.
  return t(errorKey(isFrameCode(error.code) ? error.code : 'SERVER_ERROR'));
}

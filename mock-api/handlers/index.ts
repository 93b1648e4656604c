import type { RequestHandler } from 'msw';
import type { MockContext } from '../context';
import { confirmOtpHandler } from './confirm-otp';
import { generateOtpHandler } from './generate-otp';
import { notFoundHandler } from './not-found';
import { statusHandler } from './status';

/** The three CoWIN v3 calls, then the catch-all 404 (it must come last: MSW takes the first match). */
export function cowinHandlers(ctx: MockContext): RequestHandler[] {
  return [generateOtpHandler(ctx), confirmOtpHandler(ctx), statusHandler(ctx), notFoundHandler(ctx)];
}

import { ERROR_CODE_SHAPE } from './guard';
import { FrameMessageSchema } from './messages';

/**
 * For tests: whether FrameMessageSchema accepts `value` once the one deliberate difference from
 * embed.js's guard is taken away, i.e. with an error message's code of the right shape counted as
 * a known one (guard.ts, ERROR_CODE_SHAPE). The guard must agree with this on every value.
 */
export function schemaAcceptsAsGuard(value: unknown): boolean {
  if (FrameMessageSchema.safeParse(value).success) return true;
  const v = value as { type?: unknown; data?: { code?: unknown } } | null;
  const code = typeof v === 'object' && v !== null && v.type === 'error' && isPlain(v.data) ? v.data.code : undefined;
  if (typeof code !== 'string' || !ERROR_CODE_SHAPE.test(code)) return false;
  return FrameMessageSchema.safeParse({ ...v, data: { ...v!.data, code: 'SERVER_ERROR' } }).success;
}

// Spreading copies own enumerable properties only; values that could differ once copied (a
// prototype-less or inherited `data`) are left to the plain comparison above.
const isPlain = (d: unknown): d is { code?: unknown } =>
  typeof d === 'object' && d !== null && !Array.isArray(d) && Object.getPrototypeOf(d) === Object.prototype;

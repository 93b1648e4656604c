import { ERROR_CODE_SHAPE, EVENT_TYPE_SHAPE } from './guard';
import { FrameMessageSchema } from './messages';

/**
 * For tests: whether FrameMessageSchema accepts `value` once the deliberate differences from
 * embed.js's guard are taken away, i.e. with an error code (ERROR_CODE_SHAPE) or an event type
 * (EVENT_TYPE_SHAPE) of the right shape counted as a known one (guard.ts says why). The guard must agree with this on every value.
 */
export function schemaAcceptsAsGuard(value: unknown): boolean {
  if (FrameMessageSchema.safeParse(value).success) return true;
  const v = value as { type?: unknown; data?: { code?: unknown; type?: unknown } } | null;
  if (typeof v !== 'object' || v === null || !isPlain(v.data)) return false;
  const data = { ...v.data };
  const shaped = (field: 'code' | 'type', shape: RegExp, known: string) => {
    const value = data[field];
    if (typeof value !== 'string' || !shape.test(value)) return false;
    data[field] = known;
    return true;
  };
  if (v.type === 'error' && !shaped('code', ERROR_CODE_SHAPE, 'SERVER_ERROR')) return false;
  if (v.type === 'event') {
    if (!shaped('type', EVENT_TYPE_SHAPE, 'otp_sent')) return false;
    if (data.code !== undefined && !shaped('code', ERROR_CODE_SHAPE, 'SERVER_ERROR')) return false;
  }
  if (v.type !== 'error' && v.type !== 'event') return false;
  return FrameMessageSchema.safeParse({ ...v, data }).success;
}

// Spreading copies own enumerable properties only; values that could differ once copied (a
// prototype-less or inherited `data`) are left to the plain comparison above.
const isPlain = (d: unknown): d is { code?: unknown } =>
  typeof d === 'object' && d !== null && !Array.isArray(d) && Object.getPrototypeOf(d) === Object.prototype;

import type { FrameMessage, ParentMessage } from './messages';
import { steps, vaccinationStatuses } from './values';

/**
 * Hand-written twins of `FrameMessageSchema` (for embed.js) and `ParentMessageSchema` (for the
 * frame's first load), which cannot afford zod (~7 KB gzip even as zod/mini). guard.test.ts holds
 * them to the schemas: each must accept exactly what its schema accepts.
 */
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const opt = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const oneOf = (list: readonly string[]) => (v: unknown) => list.includes(v as string);

/**
 * An error code's shape, UPPER_SNAKE, where the schema has the list of today's codes: the one place
 * the guard is looser, on purpose. A frame newer than a page's cached embed.js may report a code
 * this copy does not know, and the page should still hear of the error; and the list would cost
 * embed.js about 130 bytes gzip. Every other field is checked exactly as the schema does.
 */
export const ERROR_CODE_SHAPE = /^[A-Z][A-Z_]*$/;

/** An event's type, lower_snake: looser than the schema's list for the same reason as codes. */
export const EVENT_TYPE_SHAPE = /^[a-z][a-z_]*$/;

const isStatus = oneOf(vaccinationStatuses);
const isStep = oneOf(steps);
const isCode = (c: unknown) => isStr(c) && ERROR_CODE_SHAPE.test(c);

const isBeneficiary = (b: unknown) =>
  isObj(b) &&
  isStr(b.name) &&
  opt(b.birth_year, isNum) &&
  opt(b.gender, isStr) &&
  opt(b.beneficiary_reference_id, isStr);
const isVaccination = (d: unknown) =>
  isObj(d) && isStr(d.vaccine) && isNum(d.dose) && isStr(d.date) && opt(d.precaution, (p) => typeof p === 'boolean');

const dataChecks: Record<string, (d: Record<string, unknown>) => boolean> = {
  // zod counts a string's length in code points, as Array.from does, not in UTF-16 units.
  ready: (d) => opt(d.title, (t) => isStr(t) && Array.from(t).length <= 200),
  resize: (d) => isNum(d.height) && (d.height as number) >= 0 && (d.height as number) <= 100_000,
  step: (d) => isStep(d.step),
  result: (d) =>
    isStatus(d.status) &&
    isStr(d.token) &&
    opt(d.beneficiary, isBeneficiary) &&
    // Array.from: `every` skips the holes of a sparse array, which structured clone keeps.
    opt(d.vaccinations, (v) => Array.isArray(v) && Array.from(v).every(isVaccination)) &&
    opt(d.ref, isStr),
  error: (d) => isCode(d.code) && isStr(d.message) && opt(d.retryAfter, isNum) && opt(d.ref, isStr),
  expired: () => true,
  event: (d) => isStr(d.type) && EVENT_TYPE_SHAPE.test(d.type) && opt(d.code, isCode),
};

/** The envelope, `{ ns: 'kycvs', v: 1, instance, type, data }`, with `data` an object. */
const isEnvelope = (v: unknown): v is Record<string, unknown> & { type: unknown; data: Record<string, unknown> } =>
  isObj(v) && v.ns === 'kycvs' && v.v === 1 && isStr(v.instance) && isObj(v.data);

/** True when `value` is a protocol v1 message from the frame. */
export function isFrameMessage(value: unknown): value is FrameMessage {
  if (!isEnvelope(value)) return false;
  const check =
    isStr(value.type) && {}.hasOwnProperty.call(dataChecks, value.type) ? dataChecks[value.type] : undefined;
  return !!check && check(value.data);
}

const isParentType = oneOf(['reset', 'hello']);

/** True when `value` is a protocol v1 message from the embedding page (`reset` or `hello`). */
export const isParentMessage = (value: unknown): value is ParentMessage =>
  isEnvelope(value) && isParentType(value.type);

import { errorCodes } from './errors';
import type { FrameMessage } from './messages';

/**
 * A hand-written twin of `FrameMessageSchema` for embed.js, which cannot afford zod (~5 KB gzip
 * even as zod/mini). guard.test.ts holds it to the schema: it must accept exactly what the schema
 * accepts.
 */
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const opt = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const oneOf = (list: readonly string[]) => (v: unknown) => list.includes(v as string);

const isStatus = oneOf(['FULLY_VACCINATED', 'PARTIALLY_VACCINATED', 'NOT_VACCINATED']);
const isStep = oneOf(['details', 'otp', 'result']);

const isBeneficiary = (b: unknown) =>
  isObj(b) &&
  isStr(b.name) &&
  opt(b.birth_year, isNum) &&
  opt(b.gender, isStr) &&
  opt(b.beneficiary_reference_id, isStr);
const isVaccination = (d: unknown) =>
  isObj(d) && isStr(d.vaccine) && isNum(d.dose) && isStr(d.date) && opt(d.precaution, (p) => typeof p === 'boolean');

const dataChecks: Record<string, (d: Record<string, unknown>) => boolean> = {
  ready: () => true,
  resize: (d) => isNum(d.height) && (d.height as number) >= 0 && (d.height as number) <= 100_000,
  step: (d) => isStep(d.step),
  result: (d) =>
    isStatus(d.status) &&
    isStr(d.token) &&
    opt(d.beneficiary, isBeneficiary) &&
    // Array.from: `every` skips the holes of a sparse array, which structured clone keeps.
    opt(d.vaccinations, (v) => Array.isArray(v) && Array.from(v).every(isVaccination)),
  error: (d) =>
    (errorCodes as readonly string[]).includes(d.code as string) && isStr(d.message) && opt(d.retryAfter, isNum),
};

/** True when `value` is a protocol v1 message from the frame. */
export function isFrameMessage(value: unknown): value is FrameMessage {
  if (!isObj(value) || value.ns !== 'kycvs' || value.v !== 1 || !isStr(value.instance)) return false;
  const check =
    isStr(value.type) && {}.hasOwnProperty.call(dataChecks, value.type) ? dataChecks[value.type] : undefined;
  return !!check && isObj(value.data) && check(value.data);
}

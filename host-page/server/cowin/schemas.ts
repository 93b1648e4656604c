import * as z from 'zod/mini';

/** CoWIN API v3 answers as the host expects them (docs/cowin.md). Unknown keys are ignored. */
export const GenerateOtpAnswerSchema = z.object({ txnId: z.string().check(z.minLength(1)) });
export const ConfirmOtpAnswerSchema = z.object({ token: z.string().check(z.minLength(1)) });

/**
 * Details beyond `vaccination_status` are in no public source: modelled on CoWIN's v2 beneficiary
 * record (DD-MM-YYYY, '' when absent), each optional, so that an answer without them, or with some,
 * still gives the status.
 */
export const CowinBeneficiarySchema = z.object({
  beneficiary_reference_id: z.optional(z.string()),
  name: z.optional(z.string()),
  birth_year: z.optional(z.string()),
  gender: z.optional(z.string()),
  vaccine: z.optional(z.string()),
  dose1_date: z.optional(z.string()),
  dose2_date: z.optional(z.string()),
  dose3_date: z.optional(z.string()),
  precaution_dose_date: z.optional(z.string()),
  precaution_vaccine: z.optional(z.string()),
});
export type CowinBeneficiary = z.infer<typeof CowinBeneficiarySchema>;

/** CoWIN's status answer as the host uses it. */
export interface StatusAnswer {
  vaccination_status: 0 | 1 | 2;
  beneficiary?: CowinBeneficiary;
}

const VaccinationStatusSchema = z.union([
  z.literal(0),
  z.literal(1),
  z.literal(2),
  z.literal('0'),
  z.literal('1'),
  z.literal('2'),
]);
const StatusEnvelopeSchema = z.object({ vaccination_status: VaccinationStatusSchema });

/**
 * The only field public sources show is the top-level `vaccination_status`: 0, 1 or 2, as a number
 * or as its digit in a string; anything else is no status (undefined). `beneficiary` is taken when
 * it is there and well formed; otherwise the answer is the status alone.
 */
export function parseStatusAnswer(value: unknown): StatusAnswer | undefined {
  const envelope = StatusEnvelopeSchema.safeParse(value);
  if (!envelope.success) return undefined;
  const vaccination_status = Number(envelope.data.vaccination_status) as 0 | 1 | 2;
  const beneficiary = CowinBeneficiarySchema.safeParse((value as { beneficiary?: unknown }).beneficiary);
  return beneficiary.success && beneficiary.data
    ? { vaccination_status, beneficiary: beneficiary.data }
    : { vaccination_status };
}

import * as z from 'zod/mini';

/** CoWIN API v3 answers as the host expects them (DESIGN.md, contract 5). Unknown keys are ignored. */
export const GenerateOtpAnswerSchema = z.object({ txnId: z.string().check(z.minLength(1)) });
export const ConfirmOtpAnswerSchema = z.object({ token: z.string().check(z.minLength(1)) });

/** Details beyond `vaccination_status` follow CoWIN's v2 beneficiary record: DD-MM-YYYY, '' when absent. */
export const CowinBeneficiarySchema = z.object({
  beneficiary_reference_id: z.optional(z.string()),
  name: z.string(),
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

export const StatusAnswerSchema = z.object({
  vaccination_status: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  beneficiary: CowinBeneficiarySchema,
});
export type StatusAnswer = z.infer<typeof StatusAnswerSchema>;

export const CowinErrorSchema = z.object({ errorCode: z.string(), error: z.optional(z.string()) });

import * as z from 'zod/mini';
import { scopes, vaccinationStatuses } from './values';

export { scopes, vaccinationStatuses };

export const VaccinationStatusSchema = z.enum(vaccinationStatuses);
export type VaccinationStatus = z.infer<typeof VaccinationStatusSchema>;

export const ScopeSchema = z.enum(scopes);
export type Scope = z.infer<typeof ScopeSchema>;

/** `demographics` scope: who was verified. */
export const BeneficiarySchema = z.object({
  name: z.string(),
  birth_year: z.optional(z.number()),
  gender: z.optional(z.string()),
  beneficiary_reference_id: z.optional(z.string()),
});
export type Beneficiary = z.infer<typeof BeneficiarySchema>;

/** `vaccinations` scope: one dose each. */
export const VaccinationSchema = z.object({
  vaccine: z.string(),
  dose: z.number(),
  /** ISO date, `YYYY-MM-DD`. */
  date: z.string(),
  precaution: z.optional(z.boolean()),
});
export type Vaccination = z.infer<typeof VaccinationSchema>;

export const KycvsResultSchema = z.object({
  status: VaccinationStatusSchema,
  /** The signed status token (docs/api.md, "The status token"). */
  token: z.string(),
  beneficiary: z.optional(BeneficiarySchema),
  vaccinations: z.optional(z.array(VaccinationSchema)),
  /** The support reference of this check (docs/support.md): a few characters, no personal data. */
  ref: z.optional(z.string()),
});
export type KycvsResult = z.infer<typeof KycvsResultSchema>;

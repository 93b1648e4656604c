/**
 * The protocol's closed lists, in a module without zod: the frame's first load and embed.js check
 * values against them without paying for the schemas, which are built from the same lists.
 */

/** The three answers, as the token and every message carry them. */
export const vaccinationStatuses = ['FULLY_VACCINATED', 'PARTIALLY_VACCINATED', 'NOT_VACCINATED'] as const;

/** What a provider may be given, per its registered scope. */
export const scopes = ['status', 'demographics', 'vaccinations'] as const;

/** The widget's steps, in order. */
export const steps = ['details', 'otp', 'result'] as const;

/** Every message's `ns` and `v` (docs/protocol.md, "The envelope"). */
export const PROTOCOL_NS = 'kycvs';
export const PROTOCOL_VERSION = 1;

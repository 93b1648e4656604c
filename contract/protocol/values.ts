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

/**
 * What the frame reports by an `event` message (docs/protocol.md, "Events"): an OTP was sent or
 * sent again, an error was shown (with its code), the result expired. The loader adds `ready`,
 * `step` and `abandoned` of its own for `onEvent`. None carries personal data.
 */
export const frameEventTypes = ['otp_sent', 'otp_resent', 'error', 'expired'] as const;

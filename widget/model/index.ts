export { createVerificationFlow } from './verification-flow';
export type { FieldErrors, FlowError, FlowOptions, OtpSent, VerificationFlow } from './types';

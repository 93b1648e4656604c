export { createVerificationFlow } from './verification-flow';
export type { FieldErrors, FlowError, FlowOptions, VerificationFlow } from './types';

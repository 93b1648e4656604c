export { createVerificationService, type VerificationService } from './service';
export { createSessionStore, type SessionStore } from './sessions';
export type { ApiOutcome, ApiFailure } from './failures';

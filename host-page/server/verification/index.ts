export { createVerificationService, type CallOrigin, type VerificationService } from './service';
export { createSessionStore, type SessionStore } from './sessions';

/**
 * `kycvs/verify`: what a provider's server needs to check a status token offline. Runs on
 * Node ≥ 20 with jose alone; nothing here reaches into the host server.
 */
export { verifyStatusToken } from './verify-status-token';
export { StatusTokenError, StatusTokenErrorCode } from './errors';
export type { VerifiedStatusToken } from './claims';
export type { VerifyStatusTokenOptions } from './options';
export type { VaccinationStatus } from '../contract';

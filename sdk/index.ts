/**
 * `kycvs/verify`: what a provider's server needs to check a status token, offline
 * (`verifyStatusToken`, against the host's JWKS) or online (`siteverify`, which also makes each
 * token single use and, with the provider's secret, answers its details), and redirect mode's
 * `exchangeCode` (docs/redirect.md). Runs on Node ≥ 20 with
 * jose alone; nothing here reaches into the host server.
 */
export { verifyStatusToken } from './verify-status-token';
export { StatusTokenError, StatusTokenErrorCode } from './errors';
export type { VerifiedStatusToken } from './claims';
export type { VerifyStatusTokenOptions } from './options';
export { siteverify, SiteverifyError, SiteverifyFaultCode } from './siteverify';
export type { SiteverifyOptions } from './siteverify';
export { exchangeCode } from './exchange-code';
export type { ExchangeCodeOptions } from './exchange-code';
export type {
  Beneficiary,
  SiteverifyErrorCode,
  SiteverifyFailure,
  SiteverifySuccess,
  SiteverifyVerdict,
  VaccinationStatus,
  Vaccination,
} from '../contract';

export {
  checkOf,
  createApiLimits,
  type ApiLimits,
  type ApiLimitsOptions,
  type CallKind,
  type LimitsOptions,
} from './api-limits';
export { addressKey, clientAddress, NO_PROXY, trustedProxies, type TrustedProxies } from './client-address';
export type { RateDecision } from './decision';
export { createMobileQuota, type MobileQuota, type MobileQuotaOptions } from './mobile-quota';
export { createProviderBudget, type ProviderBudget } from './provider-budget';
export { RATE_LIMIT_DEFAULTS, rateLimitsFrom, type RateLimits, type RateRule, type RuleName } from './rules';
export { limitCowinCalls } from './cowin-calls';

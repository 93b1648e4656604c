import type { ApiClient } from '../api';

/**
 * Adds the frame's verified parent origin to each OTP request, so that CoWIN's SMS can end with the
 * WebOTP line for the page the widget is on (`@parent #otp @host`). The host uses it only when it
 * is one of the provider's registered origins, and only for that line (see the service's
 * web-otp-origins.ts: a false claim merely stops the autofill).
 */
export function withParentOrigin(api: ApiClient, parentOrigin: string | null): ApiClient {
  return parentOrigin === null
    ? api
    : { ...api, requestOtp: (request) => api.requestOtp({ ...request, parentOrigin }) };
}

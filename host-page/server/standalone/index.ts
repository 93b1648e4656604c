export { SELF_PROVIDER, isSelfProvider } from './self-provider';
export { isSameOriginCall } from './same-origin';
export { bestLanguage } from './accept-language';
export { createSelfCheckCookie, SELF_CHECK_SECONDS, type SelfCheckCookie } from './self-check-cookie';

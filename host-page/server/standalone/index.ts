export { SELF_PROVIDER, isSelfProvider } from './self-provider';
export { isSameOriginCall } from './same-origin';
export { bestLanguage } from './accept-language';

export { createSiteverify, type SiteverifyAnswer, type SiteverifyOptions, type SiteverifyRequest } from './siteverify';
export { SiteverifyErrorCode } from './codes';
export { createUsedTokenStore, type UsedTokenStore } from './used-tokens';
export { createTokenDetailsStore, type TokenDetails, type TokenDetailsStore } from './token-details';

export {
  CODE_PATTERN,
  CODE_SECONDS,
  createRedirectCodeStore,
  type FoundCode,
  type RedirectCodeStore,
  type RedirectGrant,
} from './codes';
export { readRedirectRequest, type RedirectProblem, type RedirectRequest } from './request';
export { redirectErrorHeaders, redirectErrorPage } from './error-page';

import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while one request is handled carries: its id, and its support reference. */
export interface RequestContext {
  requestId: string;
  /**
   * The support reference the API gave this request's answer (http/support-ref.ts), set once the
   * API's middleware has made it: what a clerk quotes, found in the log by it (docs/support.md).
   */
  ref?: string;
}

/**
 * The request being handled, wherever the code is (a CoWIN call deep in the service): so that a
 * CoWIN failure's log line names the request it failed, without passing ids through every call.
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();

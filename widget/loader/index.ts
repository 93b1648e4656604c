// `kycvs`: the loader for bundlers, as an ES module. Nothing here touches `window` at import time,
// so that a server can import it while rendering a page; embed.ts is the script-tag build.
import { createDebugHook } from './debug-hook';
import { render as renderWidget } from './render';
import type { KycvsHandle, RenderOptions } from './types';

// Debug mode's sentences, fetched by the bundler's own code splitting when `debug: true` asks.
const debug = createDebugHook((queue) => {
  void import('./debug').then(({ startDebug }) => startDebug(queue));
});

/**
 * Renders the widget into `target` (an element or a CSS selector), replacing any widget already
 * there, as `KYCVS.render()` does; `host` is the kycvs host that serves frame.html (the origin
 * embed.js would be loaded from). A mistake in the call throws at once, an Error named
 * `KycvsError` with code `UNKNOWN_PROVIDER` (no `provider`) or `CONTAINER_NOT_FOUND` (no such
 * element); everything later goes to `onError` and the `kycvs:error` event. Touches the DOM only
 * when called.
 * @example render('#kycvs', { provider: 'demo-irctc', onResult: (r) => submit(r.token) }, 'https://kycvs.example')
 */
export function render(target: Element | string, options: RenderOptions, host: string): KycvsHandle {
  return renderWidget(target, options, new URL(host).origin, debug);
}

export { READY_TIMEOUT_MS } from './render';
export { ErrorCode } from '../../contract';
export type { LoaderError } from './loader-error';
export type {
  KycvsErrorData,
  KycvsEvent,
  KycvsGlobal,
  KycvsHandle,
  KycvsResult,
  Lang,
  RenderOptions,
  Step,
  Theme,
} from './types';

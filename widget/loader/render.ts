// Straight to the files, not ../protocol/index: messages.ts builds zod schemas at import time,
// and embed.js cannot carry zod (DESIGN.md, contract 2).
import { ErrorCode } from '../protocol/errors';
import { frameUrl, type FrameParams } from './frame-url';
import { clampHeight, INITIAL_FRAME_HEIGHT } from './frame-height';
import { clearFormFields, fillFormFields } from './form-fields';
import { createFrameListener } from './frame-listener';
import { instanceId } from './instance-id';
import { loaderError, type LoaderError } from './loader-error';
import { readOptions } from './read-options';
import { resetMessage } from './reset-message';
import type { KycvsErrorData, KycvsHandle, KycvsResult, RenderOptions } from './types';

/** How long the frame has to say `ready` before the loader reports `FRAME_TIMEOUT`. */
export const READY_TIMEOUT_MS = 10_000;

/** Where a container keeps its live handle, so that no container is rendered twice. */
const HANDLE = '__kycvs';
type Marked = Element & { [HANDLE]?: KycvsHandle };

/** The live widget in `el`, if any. */
export const handleOf = (el: Element): KycvsHandle | undefined => (el as Marked)[HANDLE];

// Callbacks get no `this`: the options object is the caller's, not theirs.
const call = <T>(f: ((value: T) => void) | undefined, value: T) => f && f(value);

function findContainer(target: Element | string): Element {
  let el: unknown = target;
  try {
    if (typeof target === 'string') el = document.querySelector(target);
  } catch {
    // An invalid selector is reported as a missing container, below.
  }
  if (!el || (el as Node).nodeType !== 1) {
    throw loaderError(ErrorCode.CONTAINER_NOT_FOUND, `KYCVS.render() found no element for ${target}.`);
  }
  return el as Element;
}

/**
 * Renders the widget into `target` (an element or a CSS selector), replacing any widget already
 * there. `host` is the origin that serves frame.html.
 *
 * Mistakes in the call itself throw synchronously, so they show up while the page is being
 * written: an Error named `KycvsError` with code `CONTAINER_NOT_FOUND` when `target` matches no
 * element, `UNKNOWN_PROVIDER` when `options.provider` is missing. Everything after that goes to
 * `onError` and the `kycvs:error` event, and never throws.
 */
export function render(target: Element | string, options: RenderOptions, host: string): KycvsHandle {
  const container: Marked = findContainer(target);
  const o = readOptions(options, document.documentElement.lang);
  handleOf(container)?.destroy();

  const instance = instanceId();
  const params: FrameParams = { provider: o.provider, origin: location.origin, lang: o.lang, instance };
  if (o.nonce) params.nonce = o.nonce;
  if (o.theme) params.theme = o.theme;

  const iframe = document.createElement('iframe');
  iframe.title = 'Know Your Vaccination Status';
  // Lets the frame read the SMS code through the WebOTP API.
  iframe.allow = 'otp-credentials';
  iframe.loading = 'eager';
  iframe.style.cssText = `display:block;width:100%;border:0;height:${INITIAL_FRAME_HEIGHT}px`;
  iframe.src = frameUrl(host, params);

  let resolve!: (r: KycvsResult) => void;
  let reject!: (e: LoaderError) => void;
  const result = new Promise<KycvsResult>((res, rej) => ((resolve = res), (reject = rej)));
  // `DESTROYED` is expected when no one waits for a result: keep it from surfacing as unhandled.
  result.catch(() => {});

  let ready = false;
  let destroyed = false;

  const emit = (type: string, detail?: unknown) =>
    container.dispatchEvent(new CustomEvent('kycvs:' + type, { bubbles: true, detail }));
  const fail = (e: KycvsErrorData) => {
    emit('error', e);
    call(o.onError, e);
  };

  const timer = setTimeout(() => {
    console.warn(
      `[kycvs] The widget for provider "${o.provider}" did not load within 10 seconds: check that this provider id is registered on ${host}, that this page's origin (${location.origin}) is in its allowed_origins, and that ${host} is reachable.`,
    );
    fail({ code: ErrorCode.FRAME_TIMEOUT, message: 'The verification widget did not load.' });
  }, READY_TIMEOUT_MS);

  // Only messages from our own iframe, of the right shape, from the host, for this instance.
  const onMessage = createFrameListener({
    iframe,
    host,
    instance,
    dispatch: (msg) => {
      switch (msg.type) {
        case 'ready':
          clearTimeout(timer);
          ready = true;
          emit('ready');
          call(o.onEvent, { type: 'ready' });
          break;
        case 'resize':
          iframe.style.height = clampHeight(msg.data.height) + 'px';
          break;
        case 'step':
          emit('step', { step: msg.data.step });
          call(o.onEvent, { type: 'step', step: msg.data.step });
          break;
        case 'result':
          resolve(msg.data);
          fillFormFields(container, msg.data.token, msg.data.status);
          emit('result', msg.data);
          call(o.onResult, msg.data);
          break;
        case 'error':
          // The schema's inferred type allows `retryAfter: undefined`; that is still this shape.
          fail(msg.data as KycvsErrorData);
      }
    },
  });

  const handle: KycvsHandle = {
    result,
    reset() {
      // Before `ready` the frame is fresh anyway, and a post could land on its about:blank.
      if (ready) iframe.contentWindow?.postMessage(resetMessage(instance), host);
      clearFormFields(container);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      removeEventListener('message', onMessage);
      clearTimeout(timer);
      iframe.remove();
      clearFormFields(container, true);
      if (container[HANDLE] === handle) delete container[HANDLE];
      reject(loaderError(ErrorCode.DESTROYED, 'The widget was removed before a result arrived.'));
    },
  };

  container.appendChild(iframe);
  addEventListener('message', onMessage);
  container[HANDLE] = handle;
  return handle;
}

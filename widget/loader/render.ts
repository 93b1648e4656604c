// Error codes are written as their literals (typed as ErrorCode by loaderError): the protocol's
// ErrorCode object would cost embed.js its keys, and ../protocol/index would bring zod.
import { frameUrl, type FrameParams } from './frame-url';
import { clampHeight, INITIAL_FRAME_HEIGHT } from './frame-height';
import { clearFormFields, fillFormFields } from './form-fields';
import type { DebugHook } from './debug-hook';
import { createFrameListener } from './frame-listener';
import { instanceId } from './instance-id';
import { loaderError, type LoaderError } from './loader-error';
import { readOptions, TEXT_OPTIONS } from './read-options';
import { parentMessage } from './parent-message';
import type { KycvsErrorData, KycvsEvent, KycvsHandle, KycvsResult, RenderOptions, Step } from './types';
import { writtenFrame } from './written-frame';

/** How long the frame has to say `ready` before the loader reports `FRAME_TIMEOUT`. */
export const READY_TIMEOUT_MS = 10_000;

/** Where a container keeps its live handle, so that no container is rendered twice. */
const HANDLE = '__kycvs';
type Marked = Element & { [HANDLE]?: KycvsHandle };

/** The live widget in `el`, if any. */
export const handleOf = (el: Element): KycvsHandle | undefined => (el as Marked)[HANDLE];

// Callbacks get no `this`: the options object is the caller's, not theirs.
const call = <T>(f: ((value: T) => void) | undefined, value: T) => f && f(value);

/** The element `target` is or names; null when there is none (an invalid selector names none). */
function findContainer(target: Element | string): Element | null {
  let el: unknown = target;
  try {
    if (typeof target === 'string') el = document.querySelector(target);
  } catch {
    el = 0;
  }
  return el && (el as Node).nodeType === 1 ? (el as Element) : null;
}

/**
 * Renders the widget into `target` (an element or a CSS selector), replacing any widget already
 * there. `host` is the origin that serves frame.html; `debug` gets what debug mode explains, when
 * `options.debug` asks for it.
 *
 * Mistakes in the call itself throw synchronously, so they show up while the page is being
 * written: an Error named `KycvsError` with code `CONTAINER_NOT_FOUND` when `target` matches no
 * element, `UNKNOWN_PROVIDER` when `options.provider` is missing. Everything after that goes to
 * `onError` and the `kycvs:error` event, and never throws.
 */
export function render(target: Element | string, options: RenderOptions, host: string, debug?: DebugHook): KycvsHandle {
  const o = readOptions(options, document.documentElement.lang);
  const container: Marked | null = findContainer(target);
  if (o.debug && debug) debug(['render', target, container, o.provider, host]);
  if (!container) {
    throw loaderError('CONTAINER_NOT_FOUND', `KYCVS.render() found no element for ${target}.`);
  }
  handleOf(container)?.destroy();

  // A frame the page wrote for this widget is taken as it is, its address and attributes the page's.
  const written = writtenFrame(container);
  const instance = written ? '' : instanceId();
  const iframe = written || document.createElement('iframe');
  const params: FrameParams = { provider: o.provider, origin: location.origin, instance };
  for (const key of ['lang', 'nonce', ...TEXT_OPTIONS] as const) if (o[key]) params[key] = o[key];
  if (o.share) params.share = '1';
  if (!written) {
    iframe.title = 'Know Your Vaccination Status';
    // Lets the frame read the SMS code through the WebOTP API, and share the status picture (only
    // shown when asked, `share`): both are for our own frame's code alone.
    iframe.allow = 'otp-credentials; web-share';
    iframe.style.cssText = `display:block;width:100%;border:0;height:${INITIAL_FRAME_HEIGHT}px`;
  }

  let resolve!: (r: KycvsResult) => void;
  let reject!: (e: LoaderError) => void;
  const result = new Promise<KycvsResult>((res, rej) => ((resolve = res), (reject = rej)));
  // `DESTROYED` is expected when no one waits for a result: keep it from surfacing as unhandled.
  result.catch(() => {});

  let ready = false;
  let destroyed = false;
  /** The last step the frame reported: on `otp`, a verification is under way. */
  let step: Step | undefined;
  /** The pending animation frame that applies the last `resize`, if any. */
  let frame = 0;
  let height = 0;

  const emit = (type: string, detail?: unknown) =>
    container.dispatchEvent(new CustomEvent('kycvs:' + type, { bubbles: true, detail }));
  // onEvent and `kycvs:event` hear the same events (docs/events.md).
  const event = (e: KycvsEvent) => {
    emit('event', e);
    call(o.onEvent, e);
  };
  /** Reset or destroyed with an OTP sent and no result yet: the person left mid-way. */
  const abandon = () => step == 'otp' && event({ type: 'abandoned', step });
  const fail = (e: KycvsErrorData) => {
    emit('error', e);
    call(o.onError, e);
  };

  const timer = setTimeout(() => {
    console.warn(
      `[kycvs] The widget for provider "${o.provider}" did not load from ${host} in 10 s; debug mode says why.`,
    );
    fail({ code: 'FRAME_TIMEOUT', message: 'The widget did not load.' });
  }, READY_TIMEOUT_MS);

  // Only messages from our own iframe, of the right shape, from the host, for this instance.
  const onMessage = createFrameListener(iframe, host, instance, (msg) => {
    switch (msg.type) {
      case 'ready':
        // Once: a written frame's first ready may still be on its way when its answer to hello comes.
        if (ready) break;
        clearTimeout(timer);
        ready = true;
        // The frame's name in its own language, for screen readers (WCAG 4.1.2).
        if (msg.data.title) iframe.title = msg.data.title;
        emit('ready');
        event({ type: 'ready' });
        break;
      case 'resize':
        // Height only, clamped, and at most once per animation frame: a burst of resizes (a
        // step change, a font loading) costs the page one layout, not one per message.
        height = clampHeight(msg.data.height);
        frame ||= requestAnimationFrame(() => {
          frame = 0;
          iframe.style.height = height + 'px';
        });
        break;
      case 'step':
        step = msg.data.step;
        emit('step', { step });
        event({ type: 'step', step });
        break;
      case 'event':
        // The frame's own events: an OTP sent or sent again, an error's code, the result expired.
        event(msg.data as KycvsEvent);
        break;
      case 'expired':
        // The token in the hidden inputs is dead: a form posted now must not carry it.
        clearFormFields(container);
        emit('expired');
        call(o.onExpired, undefined);
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
  });

  const handle: KycvsHandle = {
    result,
    reset() {
      abandon();
      step = 'details';
      // Before `ready` the frame is fresh anyway, and a post could land on its about:blank.
      if (ready) iframe.contentWindow?.postMessage(parentMessage(instance, 'reset'), host);
      clearFormFields(container);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      abandon();
      removeEventListener('message', onMessage);
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      iframe.remove();
      clearFormFields(container, true);
      if (container[HANDLE] === handle) delete container[HANDLE];
      reject(loaderError('DESTROYED', 'The widget was destroyed.'));
    },
  };

  addEventListener('message', onMessage);
  container[HANDLE] = handle;
  // The written frame may have said `ready` before this listener was there: `hello` asks it to
  // say it again. Posted to the host alone, it is dropped while the frame is still about:blank, and
  // a frame whose script has not run yet says `ready` of itself.
  if (written) iframe.contentWindow?.postMessage(parentMessage(instance, 'hello'), host);
  // The iframe goes in from a microtask on, still before the next paint: a widget destroyed in
  // the task that rendered it (React's StrictMode mounts twice) never costs an iframe, a load, or
  // a process for its cross-site frame.
  else
    queueMicrotask(() => {
      if (destroyed) return;
      iframe.src = frameUrl(host, params);
      container.appendChild(iframe);
    });
  return handle;
}

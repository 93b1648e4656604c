import { useCallback, useEffect, useInsertionEffect, useRef, useState, type RefCallback } from 'react';
import { render, type KycvsErrorData, type KycvsHandle, type KycvsResult, type RenderOptions } from '../loader';

/** `useKycvs()`'s options: `render()`'s, and the host that serves the widget. */
export interface UseKycvsOptions extends RenderOptions {
  /**
   * The kycvs host that serves frame.html (the origin embed.js would be loaded from). A change
   * renders a new widget.
   * @example 'https://kycvs.example'
   */
  host: string;
}

/**
 * Where the widget is, for the form around it:
 * - `loading`: the frame is loading (until it says `ready`);
 * - `details`: the person types their name and mobile;
 * - `otp`: an OTP was sent, the person types it;
 * - `verified`: `result` holds the signed result, ready to send with the form;
 * - `expired`: the result's token expired (5 minutes); `result` is `null` again and the widget
 *   offers to verify again;
 * - `unavailable`: the widget could not be shown (`error` says why: `FRAME_TIMEOUT` when the frame
 *   did not load in 10 s, `UNKNOWN_PROVIDER` when `provider` is empty).
 */
export type KycvsState = 'loading' | 'details' | 'otp' | 'verified' | 'expired' | 'unavailable';

/** What `useKycvs()` returns. */
export interface UseKycvs {
  /** Put it on the element the widget goes into, an empty `<div>` of your own. */
  ref: RefCallback<HTMLElement>;
  /** Where the widget is (`KycvsState`). */
  state: KycvsState;
  /** The latest result while it is valid: `null` before one, after `reset()` and at expiry. */
  result: KycvsResult | null;
  /** The last error the widget reported, until the next step, result or `reset()`; else `null`. */
  error: KycvsErrorData | null;
  /** Starts again for the next person: clears `result` and `error`, and the widget's form. Stable. */
  reset: () => void;
}

/**
 * The kycvs widget in an element of your component, for a form that needs its answer.
 *
 * The widget is rendered when the element is attached and destroyed when it is detached or the
 * component unmounts, so StrictMode's second mount and fast refresh leave one iframe and one
 * `message` listener. The callbacks are read from the latest render: a new inline `onResult` each
 * render does not make a new widget; `host`, `provider`, `lang`, `nonce`, `theme`, `accent`,
 * `action`, `share` and `debug` do. On the server it renders nothing.
 * @example
 * const { ref, state, result, reset } = useKycvs({ host: 'https://kycvs.example', provider: 'demo-irctc' });
 * return <form><div ref={ref} /><button disabled={state !== 'verified'}>Book</button></form>;
 */
export function useKycvs(options: UseKycvsOptions): UseKycvs {
  const { host, provider, lang, nonce, theme, accent, action, share, debug } = options;
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [state, setState] = useState<KycvsState>('loading');
  const [result, setResult] = useState<KycvsResult | null>(null);
  const [error, setError] = useState<KycvsErrorData | null>(null);
  const handle = useRef<KycvsHandle | null>(null);

  // The callbacks as of the latest render, current before any effect or message can call them
  // (an insertion effect runs first in the commit, and never on the server).
  const latest = useRef(options);
  useInsertionEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    if (!element) return undefined;
    setState('loading');
    setResult(null);
    setError(null);
    let current: KycvsHandle | undefined;
    // Only the live widget's messages change the state: the one being destroyed may still say
    // `abandoned`, which goes to onEvent alone.
    const live = () => current !== undefined && handle.current === current;
    const fail = (e: KycvsErrorData) => {
      setError(e);
      if (e.code === 'FRAME_TIMEOUT' || e.code === 'UNKNOWN_PROVIDER') setState('unavailable');
    };
    const renderOptions: RenderOptions = {
      provider,
      lang,
      nonce,
      theme,
      accent,
      action,
      share,
      debug,
      onResult(r) {
        if (live()) {
          setResult(r);
          setError(null);
          setState('verified');
        }
        latest.current.onResult?.(r);
      },
      onError(e) {
        if (live()) fail(e);
        latest.current.onError?.(e);
      },
      onExpired() {
        if (live()) {
          setResult(null);
          setState('expired');
        }
        latest.current.onExpired?.();
      },
      onEvent(e) {
        if (live() && (e.type === 'ready' || e.type === 'step')) {
          const step = e.type === 'ready' ? 'details' : e.step;
          // The result step's state comes with the result itself (onResult follows at once).
          if (step !== 'result') setState(step);
          setError(null);
        }
        latest.current.onEvent?.(e);
      },
    };
    try {
      current = render(element, renderOptions, host);
    } catch (e) {
      // A mistake in the options (no provider yet, say): data for the form, not a crashed tree.
      const { code, message } = e as KycvsErrorData;
      fail({ code, message });
      latest.current.onError?.({ code, message });
      return undefined;
    }
    handle.current = current;
    return () => {
      handle.current = null;
      current.destroy();
    };
    // What the frame's URL is made of makes a new widget; the callbacks are read through `latest`.
  }, [element, host, provider, lang, nonce, theme, accent, action, share, debug]);

  const reset = useCallback(() => {
    if (!handle.current) return;
    handle.current.reset();
    setResult(null);
    setError(null);
    setState((s) => (s === 'loading' || s === 'unavailable' ? s : 'details'));
  }, []);

  return { ref: setElement, state, result, error, reset };
}

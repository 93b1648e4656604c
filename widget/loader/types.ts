import type { ErrorCode, KycvsErrorData, KycvsResult, Language as Lang, Step } from '../../contract';

export type { KycvsErrorData, KycvsResult, Lang, Step };

export type Theme = 'light' | 'dark' | 'auto';

/**
 * What happened, for `onEvent` and the `kycvs:event` DOM event (docs/events.md). None carries
 * personal data: a step, an error code at most.
 */
export type KycvsEvent =
  /** The frame has loaded and can be used. */
  | { type: 'ready' }
  /** A new step is shown. */
  | { type: 'step'; step: Step }
  /** CoWIN was asked to send the OTP. */
  | { type: 'otp_sent' }
  /** A new OTP was asked for (Resend OTP). */
  | { type: 'otp_resent' }
  /** The widget showed an error; `code` says which. */
  | { type: 'error'; code: ErrorCode }
  /** The result's token passed its `exp` (onExpired and `kycvs:expired` hear it too). */
  | { type: 'expired' }
  /** Reset or destroyed after the OTP was sent and before a result: the person left mid-way. */
  | { type: 'abandoned'; step: 'otp' };

/** Options of `KYCVS.render()`. Only own properties are read. */
export interface RenderOptions {
  /**
   * The provider id registered with the host. Required.
   * @example 'demo-irctc'
   */
  provider: string;
  /**
   * The widget's language, one of the twelve codes. (At run time, as from `data-lang`, a region
   * subtag is ignored, `hi-IN` → `hi`, and an unsupported value falls back to the default.)
   * @default the page's `<html lang>` when supported, else `'en'`
   * @example 'hi'
   */
  lang?: Lang | undefined;
  /**
   * A value of your own that the signed status token carries back (claim `nonce`), so your server
   * can tie the token to this page view.
   * @default none
   * @example crypto.randomUUID()
   */
  nonce?: string | undefined;
  /**
   * The colour scheme; `auto` follows the visitor's system setting.
   * @default the frame's own default
   * @example 'dark'
   */
  theme?: Theme | undefined;
  /**
   * Your brand colour for the widget's buttons and links, as `#rrggbb`; `data-accent` on the
   * element. The widget darkens or lightens it where it would fall below WCAG AA contrast in the
   * light or the dark scheme, so it never makes the widget hard to read. Anything else is ignored.
   * @default the widget's own blue
   * @example '#7b2cbf'
   */
  accent?: string | undefined;
  /**
   * Offer the person a "Share picture" button on the result (a PNG of their status, shared or
   * downloaded); `data-share` on the element. The iframe then also allows `web-share`.
   * @default false
   * @example true
   */
  share?: boolean | undefined;
  /**
   * A label of your own for this check, such as the form it guards, that the signed token
   * (claim `action`) and siteverify's verdict carry back, as Turnstile's `action`: 1 to 32 of
   * `A–Z a–z 0–9 _ -`. `data-action` on the element. The host drops any other value.
   * @default none
   * @example 'booking'
   */
  action?: string | undefined;
  /**
   * Explain, in `[kycvs]` sentences in the console, the usual mistakes: an unknown provider, a page
   * origin that is not registered, a missing container, embed.js loaded from the wrong place.
   * `data-debug` on the element (`debug` on `<kycvs-verify>`, or `data-debug` on the script tag).
   * Leave it off in production: without it the loader logs nothing but a load timeout.
   * @default false
   * @example true
   */
  debug?: boolean | undefined;
  /**
   * Called with each result (the first one also resolves `handle.result`).
   * @default none
   * @example (r) => console.log(r.status)
   */
  onResult?: ((result: KycvsResult) => void) | undefined;
  /**
   * Called with each error the frame reports, and with `FRAME_TIMEOUT` when the frame has not
   * said `ready` within 10 s.
   * @default none
   * @example (e) => console.log(e.code)
   */
  onError?: ((error: KycvsErrorData) => void) | undefined;
  /**
   * Called on each event (`ready`, `step`, `otp_sent`, `otp_resent`, `error`, `expired`,
   * `abandoned`; docs/events.md), as `kycvs:event` is dispatched; none carries personal data.
   * @default none
   * @example (e) => analytics.track('kycvs_' + e.type)
   */
  onEvent?: ((event: KycvsEvent) => void) | undefined;
  /**
   * Called when the result's token expires (its `exp`, 5 minutes after it was signed): the hidden
   * `kycvs-token` and `kycvs-status` inputs are emptied, and the widget offers to verify again.
   * `data-expired-callback` on the element names a global function.
   * @default none
   * @example () => submitButton.disabled = true
   */
  onExpired?: (() => void) | undefined;
}

/** What `KYCVS.render()` returns. */
export interface KycvsHandle {
  /** The first result. Rejects with code `DESTROYED` when the handle is destroyed first. */
  readonly result: Promise<KycvsResult>;
  /** Starts again for the next person and empties the hidden form inputs. */
  reset(): void;
  /** Removes the iframe, the hidden inputs, the listener, the timer and any pending resize. Idempotent. */
  destroy(): void;
}

/** `window.KYCVS`. */
export interface KycvsGlobal {
  /** The package version of this embed.js. */
  readonly version: string;
  /**
   * Renders the widget into `target` (an element or a CSS selector), replacing any widget already
   * there. A mistake in the call throws at once, an Error named `KycvsError` with code
   * `CONTAINER_NOT_FOUND` (no such element) or `UNKNOWN_PROVIDER` (no `provider`); everything
   * later goes to `onError` and the `kycvs:error` event.
   * @example KYCVS.render('#kycvs', { provider: 'demo-irctc', onResult: (r) => submit(r.token) })
   */
  render(target: Element | string, options: RenderOptions): KycvsHandle;
}

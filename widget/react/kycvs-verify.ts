import { createElement, type CSSProperties, type ReactElement } from 'react';
import { useKycvs, type UseKycvsOptions } from './use-kycvs';

/** `<KycvsVerify>`'s props: `useKycvs()`'s options, and the container's own. */
export interface KycvsVerifyProps extends UseKycvsOptions {
  /** The container `<div>`'s id. */
  id?: string | undefined;
  /** The container `<div>`'s class. */
  className?: string | undefined;
  /** The container `<div>`'s style (the widget fills its width and sets its own height). */
  style?: CSSProperties | undefined;
}

/**
 * The kycvs widget as a React component: a `<div>` holding the widget's iframe. Each result goes
 * to `onResult` (and, inside a `<form>`, to the hidden inputs `kycvs-token` and `kycvs-status`);
 * for the widget's state in your own component, use `useKycvs()`. On the server it renders the
 * empty `<div>`.
 * @example <KycvsVerify host="https://kycvs.example" provider="demo-irctc" onResult={(r) => setToken(r.token)} />
 */
export function KycvsVerify({ id, className, style, ...options }: KycvsVerifyProps): ReactElement {
  const { ref } = useKycvs(options);
  return createElement('div', { ref, id, className, style });
}

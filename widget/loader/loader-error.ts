import type { ErrorCode, KycvsErrorData } from '../../contract';

/** What the loader throws, and what `handle.result` rejects with. */
export type LoaderError = Error & KycvsErrorData;

/**
 * An Error that carries a code, named `KycvsError`. Not the protocol's `KycvsError` class: its
 * field declarations compile, at embed.js's es2019 target, to helpers that cost about 350 bytes
 * gzip, an eighth of the budget.
 */
export const loaderError = (code: ErrorCode, message: string): LoaderError =>
  Object.assign(new Error(message), { name: 'KycvsError', code });

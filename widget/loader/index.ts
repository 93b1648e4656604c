// The loader's public surface, for an ESM entry that bundlers import. Nothing here touches
// `window` at import time; embed.ts is the script-tag build and the one module that does.
export { render, READY_TIMEOUT_MS } from './render';
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

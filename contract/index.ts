// What the widget, the host, the mock CoWIN, the provider SDK and the demo must agree on, and
// nothing else: the postMessage protocol (docs/protocol.md), the widget's HTTP API (docs/api.md),
// error codes, input normalisation and the languages. Everyone imports this index, never a file
// behind it (eslint.config.js). Unused exports cost nothing in a bundle: the package declares no
// side effects, so a loader that needs one guard gets that guard alone.
export * from './protocol';
export * from './normalize';
export * from './api';
export { isExactOrigin } from './origins';
export * from './support-ref';

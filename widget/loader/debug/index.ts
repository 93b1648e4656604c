// Debug mode, loaded on demand: embed-debug.ts for embed.js, a dynamic import for the ESM entry.
export { startDebug } from './start';

/**
 * Set by vite.config.ts in `--mode embed`: the path, on the host, of embed-debug.js as built
 * (`/assets/embed-debug-<hash>.js`), which embed.js loads in debug mode only.
 */
declare const __KYCVS_DEBUG_SCRIPT__: string;

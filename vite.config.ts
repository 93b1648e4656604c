import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { build, defineConfig, type UserConfig } from 'vite';
import { emitDeclarations } from './scripts/emit-declarations.ts';
import { precompress } from './scripts/precompress.ts';
import { printIntegrity } from './scripts/integrity.ts';
import { terserPass } from './scripts/terser-pass.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** KYCVS_DIST_DIR: build somewhere else than dist/ (the host reads the same variable). */
const distDir = process.env.KYCVS_DIST_DIR || here('dist');

// What the frame supports already (every browser that runs it has optional chaining), so that the
// loader need not pay for downlevelled syntax.
const target = 'es2020';

/**
 * Debug mode's script, an IIFE of its own, hashed and put with the frame's assets (which the host
 * serves at /assets/, cached for good): embed.js loads it only when a page asks for debug mode.
 * Returns its path on the host. It goes into dist/frame/, so it is built after the frame, whose
 * build empties that folder.
 */
async function buildDebugScript(): Promise<string> {
  const output = await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    plugins: [precompress()],
    build: {
      outDir: `${distDir}/frame/assets`,
      emptyOutDir: false,
      target,
      rolldownOptions: {
        input: here('widget/loader/embed-debug.ts'),
        output: { format: 'iife', entryFileNames: 'embed-debug-[hash].js' },
      },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  if (!result || !('output' in result)) throw new Error('embed-debug.js was not built.');
  return '/assets/' + result.output[0].fileName;
}

/**
 * Five builds:
 * - default: the frame (host-page/frame.html and the Preact widget) into dist/frame/;
 * - `--mode embed`: the loader as one IIFE, dist/embed.js, which provider pages load (and debug
 *   mode's script into dist/frame/assets/);
 * - `--mode lib`: the npm package's ES modules, dist/lib/ (`kycvs`, `kycvs/protocol`,
 *   `kycvs/verify`), and their declarations, dist/types/.
 * - `--mode react-demo`: the demo site's React page (demo/react/, served at /react), a React app
 *   that uses kycvs/react, into dist/demo-react/;
 * - `--mode server`: the host server, dist/server/main.js, an ES module for Node 20 whose
 *   dependencies are the package's `dependencies` (`npm ci --omit=dev`); mock mode's chunk alone
 *   imports msw, a devDependency, and only in mock mode (docs/operations.md).
 * The first two also write a brotli and a gzip copy beside each JS and CSS file
 * (scripts/precompress.ts), which the host sends as the browser allows; the npm package needs none.
 */
export default defineConfig(async ({ mode }): Promise<UserConfig> => {
  if (mode === 'embed') {
    return {
      publicDir: false,
      define: { __KYCVS_DEBUG_SCRIPT__: JSON.stringify(await buildDebugScript()) },
      plugins: [terserPass(), precompress(), printIntegrity()],
      build: {
        outDir: distDir,
        emptyOutDir: false,
        target,
        lib: {
          entry: here('widget/loader/embed.ts'),
          name: 'KYCVS',
          formats: ['iife'],
          fileName: () => 'embed.js',
        },
        rolldownOptions: { output: { extend: true } },
      },
    };
  }
  if (mode === 'server') {
    return {
      publicDir: false,
      logLevel: 'warn',
      // The frame's first step, rendered by the host (widget/prerender/): Preact and signals are
      // the frame's devDependencies, so they go into the bundle, one copy shared by both.
      ssr: { noExternal: ['preact', 'preact-render-to-string', '@preact/signals', '@preact/signals-core'] },
      build: {
        ssr: here('host-page/server/main.ts'),
        outDir: `${distDir}/server`,
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        rolldownOptions: { output: { format: 'es', entryFileNames: 'main.js', chunkFileNames: '[name].js' } },
      },
    };
  }
  if (mode === 'react-demo') {
    return {
      root: here('demo/react'),
      base: '/react/',
      publicDir: false,
      // React's development build: StrictMode mounts every effect twice, as an integrator's dev
      // server does, which is what e2e/react.spec.ts holds kycvs/react to.
      define: { 'process.env.NODE_ENV': JSON.stringify('development') },
      // (About 440 KB, 135 KB gzip, with React's development build: a demo, in no budget.)
      build: { outDir: `${distDir}/demo-react`, emptyOutDir: true, target, chunkSizeWarningLimit: 2000 },
    };
  }
  if (mode === 'lib') {
    return {
      publicDir: false,
      build: {
        outDir: `${distDir}/lib`,
        emptyOutDir: true,
        target,
        // For bundlers, which minify the application as a whole; readable in node_modules.
        minify: false,
        lib: {
          entry: {
            index: here('widget/loader/index.ts'),
            protocol: here('contract/protocol/index.ts'),
            verify: here('sdk/index.ts'),
            react: here('widget/react/index.ts'),
          },
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        rolldownOptions: {
          // The package's dependencies, installed beside it; React is the app's own (a peer).
          external: [/^zod(\/|$)/, /^jose(\/|$)/, /^node:/, /^react(-dom)?(\/|$)/],
          output: {
            // Stable names, so that scripts/pack.test.ts can list what ships: debug mode's chunk
            // (loaded on demand), the loader (`kycvs` and `kycvs/react` share it), and what the
            // other entries share.
            chunkFileNames: (chunk) =>
              chunk.isDynamicEntry
                ? 'chunks/debug.js'
                : chunk.moduleIds.some((id) => id.includes('/widget/loader/'))
                  ? 'chunks/loader.js'
                  : 'chunks/shared.js',
            // Its hooks run in the browser only: React Server Components frameworks (Next.js's app
            // router) need the directive at the top of the file, where bundling would not keep it.
            banner: (chunk) => (chunk.name === 'react' ? "'use client';" : ''),
          },
        },
      },
      plugins: [
        {
          name: 'kycvs-declarations',
          apply: 'build',
          closeBundle: () => emitDeclarations(here('tsconfig.build.json'), `${distDir}/types`),
        },
      ],
    };
  }
  return {
    root: here('host-page'),
    base: '/',
    publicDir: false,
    plugins: [preact(), precompress()],
    build: {
      outDir: `${distDir}/frame`,
      emptyOutDir: true,
      target,
      // Every browser the frame supports preloads modules natively; the polyfill is bytes for none.
      modulePreload: { polyfill: false },
      // dist/frame/.vite/manifest.json, which the host reads to inline CoWIN's own page's banner
      // style into that page (host-page/server/frame-template.ts); it is not served.
      manifest: true,
      rolldownOptions: { input: { frame: here('host-page/frame.html') } },
    },
  };
});

import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Two builds:
 * - default: the frame (host-page/frame.html and the Preact widget) into dist/frame/;
 * - `--mode embed`: the loader as one IIFE, dist/embed.js, which provider pages load.
 */
/** KYCVS_DIST_DIR: build somewhere else than dist/ (the host reads the same variable). */
const distDir = process.env.KYCVS_DIST_DIR || here('dist');

export default defineConfig(({ mode }) => {
  if (mode === 'embed') {
    return {
      publicDir: false,
      build: {
        outDir: distDir,
        emptyOutDir: false,
        target: 'es2019',
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
  return {
    root: here('host-page'),
    base: '/',
    publicDir: false,
    plugins: [preact()],
    build: {
      outDir: `${distDir}/frame`,
      emptyOutDir: true,
      target: 'es2020',
      // Every browser the frame supports preloads modules natively; the polyfill is bytes for none.
      modulePreload: { polyfill: false },
      rolldownOptions: { input: { frame: here('host-page/frame.html') } },
    },
  };
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** "locale-th-" for a chunk made from resources/locales/th/<ns>.json, else "". */
function localeChunkName(moduleId: string | null): string {
  const m = moduleId ? /resources\/locales\/([a-z]{2})\/[^/]+\.json$/.exec(moduleId) : null;
  return m ? `locale-${m[1]}-` : '';
}

const pkg = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string };
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

export default defineConfig({
  main: {
    define,
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // The Electron shell (packaged).
          index: resolve(__dirname, 'src/main/shell/main.ts'),
          // The admin command-line tool (packaged is optional; it runs under plain Node).
          cli: resolve(__dirname, 'src/main/cli/cli.ts'),
          // The loopback preview server (never packaged: excluded in electron-builder.yml).
          preview: resolve(__dirname, 'src/main/preview/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be one CommonJS file: bundle zod and the contract into it.
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // Minified: the window parses less before the first screen (sources stay readable in src/).
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
        // Each language's texts are their own chunk (loaded when the language is needed), named after
        // it so the bundle size benchmark can tell what a first screen in Thai and Burmese fetches.
        output: {
          chunkFileNames: (chunk) => `assets/${localeChunkName(chunk.facadeModuleId)}[name]-[hash].js`,
        },
      },
    },
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { cpSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/*
 * One build, three outputs (see docs/electron.md):
 *   out/main/index.js        main process, ES module; dependencies stay in node_modules
 *   out/main/migrations/     drizzle SQL + meta/_journal.json, copied (read at runtime by core)
 *   out/main/fonts/          resources/fonts, copied (PDF generation embeds them)
 *   out/preload/index.cjs    preload, CommonJS, self-contained (sandboxed preloads cannot be ESM
 *                            and can require nothing but 'electron')
 *   out/renderer/            the React app, served on app://avrr by electron/main/protocol.ts
 */
const root = dirname(fileURLToPath(import.meta.url));
const out = resolve(root, 'out');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

/** Copy folders the main process reads at runtime next to the bundle. */
function copyRuntimeFiles(copies: ReadonlyArray<{ from: string; to: string; filter?: (source: string) => boolean }>): Plugin {
  return {
    name: 'avrr:copy-runtime-files',
    apply: 'build',
    // writeBundle, not closeBundle: only after a successful build.
    writeBundle() {
      for (const { from, to, filter } of copies) cpSync(from, to, { recursive: true, ...(filter ? { filter } : {}) });
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(out, 'main'),
      // Every package.json dependency stays external (better-sqlite3 is a native module and
      // cannot be bundled; the others are loaded from node_modules in the packaged app).
      externalizeDeps: true,
      sourcemap: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/main/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
    plugins: [
      copyRuntimeFiles([
        { from: resolve(root, 'electron/core/db/migrations'), to: resolve(out, 'main/migrations') },
        // Font files and their licences only (resources/fonts/tools holds build-time scripts).
        { from: resolve(root, 'resources/fonts'), to: resolve(out, 'main/fonts'), filter: (source) => !/[\\/]tools([\\/]|$)/.test(source) },
      ]),
    ],
  },
  preload: {
    build: {
      outDir: resolve(out, 'preload'),
      // Bundle everything in: a sandboxed preload's require() only knows 'electron' and a few
      // polyfilled built-ins, so no node_modules import may survive into the output.
      externalizeDeps: false,
      sourcemap: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    // The footer shows the version (renderer/src/app-version.ts).
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      outDir: resolve(out, 'renderer'),
      emptyOutDir: true,
      // Nothing inlined as data: URLs: fonts and scripts must come from 'self' under the CSP.
      assetsInlineLimit: 0,
      sourcemap: false,
      rolldownOptions: {
        input: resolve(root, 'renderer/index.html'),
      },
    },
  },
});

import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The renderer on its own, for the browser harness (`npm run build:web` -> out/web).
// The Electron build uses the same root through electron.vite.config.ts.
const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(root, '../out/web'),
    emptyOutDir: true,
    // Nothing inline: the CSP allows scripts and styles from 'self' only.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});

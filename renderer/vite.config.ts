import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer on its own, for the browser harness (`npm run build:web` -> out/web). Paths are
// relative to the repository root, where every npm script runs. The Electron build uses the
// same root through electron.vite.config.ts.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/web',
    emptyOutDir: true,
    // Nothing inline: the CSP allows scripts and styles from 'self' only.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { version } from '../package.json';

// The renderer on its own, for the browser harness (`npm run build:web` -> out/web). Paths are
// relative to the repository root, where every npm script runs. The Electron build uses the
// same root through electron.vite.config.ts.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // The footer shows the version (renderer/src/app-version.ts).
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../out/web',
    emptyOutDir: true,
    // Nothing inline: the CSP allows scripts and styles from 'self' only.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});

import { join } from 'node:path';

/**
 * Where the build (electron.vite.config.ts) puts things, relative to the app root
 * (`app.getAppPath()`: the project folder in dev, the app.asar root when packaged). Derived from
 * the app root rather than import.meta.url so it does not matter which output chunk this lands in.
 */
export interface AppPaths {
  preload: string;
  rendererDir: string;
  migrationsDir: string;
  fontsDir: string;
}

export function appPaths(appRoot: string): AppPaths {
  const out = join(appRoot, 'out');
  return {
    // CommonJS on purpose: a sandboxed preload cannot be an ES module.
    preload: join(out, 'preload', 'index.cjs'),
    rendererDir: join(out, 'renderer'),
    migrationsDir: join(out, 'main', 'migrations'),
    fontsDir: join(out, 'main', 'fonts'),
  };
}

declare const __APP_VERSION__: string | undefined;

/** package.json's version, put in by the build (vite `define`); "dev" where no build step ran. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

import { fileURLToPath } from 'node:url';

/**
 * Folder of the bundled fonts. In the repository and in tests it is `resources/fonts` at the
 * repo root; the packaged app keeps resources elsewhere (process.resourcesPath), so the main
 * process passes that folder as `override`.
 */
export function resolveFontsDir(override?: string): string {
  if (override !== undefined && override !== '') return override;
  return fileURLToPath(new URL('../../../../resources/fonts/', import.meta.url));
}

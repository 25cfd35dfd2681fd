import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';

/**
 * The crash and two-process tests start child processes, some of them twenty times. Through the
 * tsx loader each start compiles the whole back end again (about 2.5 s here); from one esbuild
 * bundle made once per test file it takes about 1 s. The bundle is the same code: each module
 * keeps its own `import.meta.url` (the migrations and the fonts are found beside their source
 * files), and packages stay external, loaded from the repository's node_modules as usual.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(repoRoot, 'node_modules', '.cache', 'avrr-child-bundles');
const built = new Map<string, Promise<string>>();

/** Node's arguments to run `entry` (a path from the repository's root): the bundle's path. */
export async function childArgs(entry: string): Promise<string[]> {
  let bundle = built.get(entry);
  if (!bundle) {
    bundle = bundleOf(entry);
    built.set(entry, bundle);
  }
  return [await bundle];
}

async function bundleOf(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(repoRoot, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    write: false,
    logLevel: 'silent',
    plugins: [ownImportMetaUrl],
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error(`esbuild wrote nothing for ${entry}`);
  mkdirSync(outDir, { recursive: true });
  // Test files run in parallel processes: each writes its own file whole, then renames it.
  const file = join(outDir, `${basename(entry, '.ts')}-${process.pid}.mjs`);
  writeFileSync(`${file}.tmp`, code);
  renameSync(`${file}.tmp`, file);
  return file;
}

/** Every TypeScript module of the repository sees its own source file as `import.meta.url`. */
const ownImportMetaUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

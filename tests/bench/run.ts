/**
 * Benchmark runner: `npm run bench [-- name ...]`.
 * Every `tests/bench/<name>.bench.ts` default-exports `async () => object`; the runner runs each
 * (or only the named ones) in turn and prints one JSON document, keyed by name, on stdout.
 * Benchmarks measure; they never fail the build (targets are compared in the output).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.ts$/, '')))
  .sort();

const results: Record<string, unknown> = {
  machine: { node: process.version, platform: process.platform, arch: process.arch },
};
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<unknown> };
  process.stderr.write(`bench: ${name}…\n`);
  results[name] = await mod.default();
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');

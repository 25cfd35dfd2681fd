import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A fresh data folder under the OS temp dir; remove it with `removeDataDir`. */
export function makeDataDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `avrr-${prefix}-`));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function randomKey(): Buffer {
  return randomBytes(32);
}

/** Every file in the folder with its bytes (the database, -wal, -shm, key file, anything else). */
export function folderFiles(dir: string): { name: string; bytes: Buffer }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({ name: e.name, bytes: readFileSync(join(dir, e.name)) }));
}

/** SHA-256 of each file in the folder, to show that a failed open changed nothing. */
export function folderHashes(dir: string): Record<string, string> {
  return Object.fromEntries(folderFiles(dir).map((f) => [f.name, createHash('sha256').update(f.bytes).digest('hex')]));
}

/** Which of `needles` occur (as UTF-8 bytes) in which file of the folder. */
export function findPlaintext(dir: string, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const file of folderFiles(dir)) {
    for (const needle of needles) if (file.bytes.includes(Buffer.from(needle, 'utf8'))) hits.push(`${file.name}: ${needle}`);
  }
  return hits;
}

/** Run a TypeScript file from the repository with Node and the tsx loader, as `npm run` would. */
export function runTs(file: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

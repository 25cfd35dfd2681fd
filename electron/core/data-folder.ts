import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds Protected B data (encrypted, but a copy is an offline guessing target):
 * only its owner may list or read it. Folder 0700, every file in it 0600, set when the app
 * starts (a folder made by an older version or another tool is tightened) and again after the
 * database files appear. The entry points also set the process umask to 077, so files made
 * later (WAL, temporary files, exports) start private. No effect on Windows, where the user
 * profile's ACLs protect the folder.
 */
export const DATA_FOLDER_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

export function protectDataFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DATA_FOLDER_MODE });
  chmodTree(dir);
}

function chmodTree(dir: string): void {
  chmodSync(dir, DATA_FOLDER_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) chmodTree(path);
    else if (entry.isFile()) chmodFile(path);
  }
}

function chmodFile(path: string): void {
  try {
    chmodSync(path, DATA_FILE_MODE);
  } catch (e) {
    // A file another process removed meanwhile (a lock, a temporary slot file) needs nothing.
    if (!(e instanceof Error && 'code' in e && e.code === 'ENOENT')) throw e;
  }
}

/** For the entry points (Electron main, the browser harness, the command lines): new files are the owner's only. */
export function privateUmask(): void {
  process.umask(0o077);
}

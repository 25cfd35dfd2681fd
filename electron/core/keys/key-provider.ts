import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DB_KEY_BYTES } from '../db/open';
import type { SecretSealer } from './sealer';

/** Supplies the database key. The access issue adds per-user key slots behind the same interface. */
export interface KeyProvider {
  readonly kind: string;
  /** The database key, creating (and storing) a random one on first run. */
  getOrCreateKey(): Buffer;
}

/**
 * The database key as a random 256-bit value in a file in the data folder, sealed by `sealer`.
 * With the dev sealer the file is plaintext and named `DEV-ONLY-db.key` so nobody mistakes it
 * for protection; with the OS key store it is `db.key.sealed`.
 */
export class FileKeyProvider implements KeyProvider {
  readonly kind: string;
  private readonly file: string;

  constructor(private readonly dataDir: string, private readonly sealer: SecretSealer) {
    this.kind = `file:${sealer.kind}`;
    this.file = join(dataDir, sealer.kind === 'dev-plaintext' ? 'DEV-ONLY-db.key' : 'db.key.sealed');
  }

  getOrCreateKey(): Buffer {
    if (existsSync(this.file)) {
      const key = this.sealer.unseal(readFileSync(this.file));
      if (key.length !== DB_KEY_BYTES) throw new Error(`${this.file} does not hold a ${DB_KEY_BYTES}-byte key`);
      return key;
    }
    mkdirSync(this.dataDir, { recursive: true });
    const key = randomBytes(DB_KEY_BYTES);
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, this.sealer.seal(key), { mode: 0o600, flush: true });
    renameSync(tmp, this.file);
    return key;
  }
}

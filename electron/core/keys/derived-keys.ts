import { hkdfSync } from 'node:crypto';
import { z } from 'zod';
import { deriveAuditKey } from '../audit/chain';
import type { Db } from '../db/open';
import { readSetting, writeSetting } from '../session/settings-rows';

/**
 * The keys derived from the database key: the audit chain's MAC key and the key that seals the
 * office's signing certificate. They were derived from the page key on every open; since the
 * page key can now be rotated (keys/rotation.ts), they are pinned inside the database before the
 * first rotation (setting `keys.derived`), so the audit trail keeps verifying and the certificate
 * keeps opening under every later page key. They are one-way functions of the first page key:
 * pinning them does not put a key able to open an older backup inside the database.
 */
export interface DerivedKeys {
  audit: Buffer;
  certificate: Buffer;
}

export const DERIVED_KEYS_SETTING = 'keys.derived';
const CERTIFICATE_KEY_INFO = 'avrr-office-certificate-v1';
const b64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
const pinned = z.object({ audit: b64Key, certificate: b64Key }).strict();

/** What the page key derives (the keys of a database never rotated). */
export function deriveKeys(pageKey: Buffer): DerivedKeys {
  return {
    audit: deriveAuditKey(pageKey),
    certificate: Buffer.from(hkdfSync('sha256', pageKey, Buffer.alloc(0), CERTIFICATE_KEY_INFO, 32)),
  };
}

/** The keys in force: pinned ones if a rotation pinned them, else those the page key derives. */
export function derivedKeysOf(db: Db, pageKey: Buffer): DerivedKeys {
  const row = readSetting(db, DERIVED_KEYS_SETTING, pinned);
  if (!row) return deriveKeys(pageKey);
  return { audit: Buffer.from(row.audit, 'base64'), certificate: Buffer.from(row.certificate, 'base64') };
}

/** Before the page key changes: keep the keys in force (inside the caller's transaction). Idempotent. */
export function pinDerivedKeys(db: Db, pageKey: Buffer): DerivedKeys {
  const keys = derivedKeysOf(db, pageKey);
  writeSetting(db, DERIVED_KEYS_SETTING, { audit: keys.audit.toString('base64'), certificate: keys.certificate.toString('base64') });
  return keys;
}

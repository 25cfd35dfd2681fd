import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM key wrapping: the database key encrypted under a key derived from a password.
 * The AAD binds the wrapped key to its slot (user id), so a wrapped key copied into another
 * user's slot does not decrypt there.
 */
export interface WrappedKey {
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

export const WRAP_IV_BYTES = 12;
const TAG_BYTES = 16;

export function slotAad(userId: string): Buffer {
  return Buffer.from(`avrr-keyslot-v1\u0000${userId}`, 'utf8');
}

export function wrapKey(kek: Buffer, key: Buffer, aad: Buffer): WrappedKey {
  // A fresh random IV per wrap: every rewrap also gets a new salt, so (key, IV) never repeats.
  const iv = randomBytes(WRAP_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

/** The key, or null when the kek is wrong or anything was tampered with (GCM tag mismatch). */
export function unwrapKey(kek: Buffer, wrapped: WrappedKey, aad: Buffer): Buffer | null {
  if (wrapped.iv.length !== WRAP_IV_BYTES || wrapped.tag.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, wrapped.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(wrapped.tag);
    return Buffer.concat([decipher.update(wrapped.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

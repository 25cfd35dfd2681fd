import { readFileSync, writeFileSync } from 'node:fs';
import { deriveKek, newSalt } from '../../../electron/core/auth/kdf';
import type { KdfParams } from '../../../electron/core/auth/kdf';
import { slotAad, wrapKey } from '../../../electron/core/auth/wrap';

type Gcm = { cipher: 'aes-256-gcm'; iv: string; tag: string; ciphertext: string };
interface StoredSlot {
  userId: string;
  kdf: KdfParams & { salt: string };
  /** Slots made before key rotation: the database key under the password. */
  wrappedKey?: Gcm;
  /** Today's slots: a key pair (private half under the password), the database key sealed to it. */
  box?: { publicKey: string; wrappedPrivateKey: Gcm; sealedKey: Gcm & { epk: string } };
}

/** What the password unwraps, as stored (either kind of slot). */
export function passwordWrapped(slot: StoredSlot): Gcm {
  const w = slot.box?.wrappedPrivateKey ?? slot.wrappedKey;
  if (!w) throw new Error('slot without a wrapped key');
  return w;
}

/**
 * Rewrite one slot of a dev-sealer (plain JSON) slot file as an older version of the app made it
 * (the database key wrapped directly, no key pair),
 * `kdf` parameters and a `password` today's policy may refuse (12 characters were enough then).
 * Going around KeySlotStore is the point: it would re-check the password and use today's KDF.
 */
export async function writeLegacySlot(file: string, userId: string, password: string, dbKey: Buffer, kdf: KdfParams): Promise<void> {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { slots: StoredSlot[] };
  const slot = parsed.slots.find((s) => s.userId === userId);
  if (!slot) throw new Error(`no slot for ${userId}`);
  const salt = newSalt();
  const kek = await deriveKek(password, salt, kdf);
  const wrapped = wrapKey(kek, dbKey, slotAad(userId));
  slot.kdf = { ...kdf, salt: salt.toString('base64') };
  delete slot.box;
  slot.wrappedKey = { cipher: 'aes-256-gcm', iv: wrapped.iv.toString('base64'), tag: wrapped.tag.toString('base64'), ciphertext: wrapped.ciphertext.toString('base64') };
  writeFileSync(file, JSON.stringify(parsed));
}

/** The slot as stored on disk (parameters, salt, wrapped key), to compare before and after a sign-in. */
export function storedSlot(file: string, userId: string): StoredSlot {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { slots: StoredSlot[] };
  const slot = parsed.slots.find((s) => s.userId === userId);
  if (!slot) throw new Error(`no slot for ${userId}`);
  return slot;
}

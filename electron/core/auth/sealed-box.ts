import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { unwrapKey, wrapKey } from './wrap';
import type { WrappedKey } from './wrap';

/**
 * Sealing the database key to an account without its password (what makes rotation possible).
 *
 * Each key slot holds an X25519 key pair: the private half wrapped under the password-derived
 * key, the public half in the clear. The database key is sealed to the public half: an ephemeral
 * X25519 key, ECDH, HKDF-SHA256 to an AES-256-GCM key, the slot's AAD. So the supervisor who
 * rotates the database key can seal the new one to every account (public halves only), and only
 * the password opens it. The pattern of age's X25519 recipients and of libsodium's sealed boxes.
 */
export interface SealedKey extends WrappedKey {
  /** The ephemeral public key (raw 32 bytes). */
  epk: Buffer;
}

export interface BoxKeyPair {
  publicKey: Buffer;
  privateKey: Buffer;
}

const HKDF_INFO = 'avrr-keyslot-seal-v1';

export function newBoxKeyPair(): BoxKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: rawPublic(publicKey), privateKey: rawPrivate(privateKey) };
}

/** Seal `secret` so that only the holder of `publicKey`'s private half opens it. */
export function sealTo(publicKey: Buffer, secret: Buffer, aad: Buffer): SealedKey {
  const eph = generateKeyPairSync('x25519');
  const epk = rawPublic(eph.publicKey);
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicFromRaw(publicKey) });
  const key = sealKey(shared, epk, publicKey);
  const wrapped = wrapKey(key, secret, aad);
  key.fill(0);
  shared.fill(0);
  return { ...wrapped, epk };
}

/** The sealed secret, or null when the private key or the AAD does not match (or anything was altered). */
export function openSealed(privateKey: Buffer, sealed: SealedKey, aad: Buffer): Buffer | null {
  try {
    const priv = privateFromRaw(privateKey);
    const publicKey = rawPublic(createPublicKey(priv));
    const shared = diffieHellman({ privateKey: priv, publicKey: publicFromRaw(sealed.epk) });
    const key = sealKey(shared, sealed.epk, publicKey);
    shared.fill(0);
    const out = unwrapKey(key, sealed, aad);
    key.fill(0);
    return out;
  } catch {
    return null;
  }
}

function sealKey(shared: Buffer, epk: Buffer, recipient: Buffer): Buffer {
  // Both public keys in the salt bind the derived key to this exchange (as in age and HPKE).
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epk, recipient]), HKDF_INFO, 32));
}

function rawPublic(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('X25519 public key without x');
  return Buffer.from(jwk.x, 'base64url');
}

function rawPrivate(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.d !== 'string') throw new Error('X25519 private key without d');
  return Buffer.from(jwk.d, 'base64url');
}

function publicFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

/** PKCS#8 for an X25519 private key is a fixed 16-byte prefix and the 32 raw bytes (RFC 8410). */
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

function privateFromRaw(raw: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
}

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newBoxKeyPair, openSealed, sealTo } from '../../../electron/core/auth/sealed-box';

describe('sealed box (the database key sealed to an account without its password)', () => {
  const aad = Buffer.from('avrr-keyslot-v1\u0000user-a');

  it('opens with the private half and the same AAD only', () => {
    const pair = newBoxKeyPair();
    const secret = randomBytes(32);
    const sealed = sealTo(pair.publicKey, secret, aad);
    expect(openSealed(pair.privateKey, sealed, aad)).toEqual(secret);
    expect(openSealed(newBoxKeyPair().privateKey, sealed, aad)).toBeNull();
    expect(openSealed(pair.privateKey, sealed, Buffer.from('avrr-keyslot-v1\u0000user-b'))).toBeNull();
  });

  it('refuses a sealed key whose bytes were altered', () => {
    const pair = newBoxKeyPair();
    const sealed = sealTo(pair.publicKey, randomBytes(32), aad);
    const altered = { ...sealed, ciphertext: Buffer.from(sealed.ciphertext) };
    altered.ciphertext[0] = (altered.ciphertext[0] ?? 0) ^ 1;
    expect(openSealed(pair.privateKey, altered, aad)).toBeNull();
    const otherEphemeral = { ...sealed, epk: newBoxKeyPair().publicKey };
    expect(openSealed(pair.privateKey, otherEphemeral, aad)).toBeNull();
  });

  it('seals the same secret differently each time (a fresh ephemeral key)', () => {
    const pair = newBoxKeyPair();
    const secret = randomBytes(32);
    const a = sealTo(pair.publicKey, secret, aad);
    const b = sealTo(pair.publicKey, secret, aad);
    expect(a.epk.equals(b.epk)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
  });
});

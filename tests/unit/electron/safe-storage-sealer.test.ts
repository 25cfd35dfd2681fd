import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeStorage } from './fake-electron';
import { createSafeStorageSealer, OsKeystoreUnavailableError, OsKeystoreUnsealError } from '../../../electron/main/safe-storage-sealer';
import type { SafeStorageLike } from '../../../electron/main/safe-storage-sealer';

vi.mock('electron', () => import('./fake-electron'));

/** A fake key store that really transforms the data (XOR + marker) so a no-op seal would fail. */
function fakeStorage(available: boolean, backend: string) {
  const calls = { backend: 0 };
  const storage = {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => {
      calls.backend++;
      return backend;
    },
    encryptString: (plainText: string) => Buffer.concat([Buffer.from('v10'), Buffer.from(plainText, 'utf8').map((b) => b ^ 0x5a)]),
    decryptString: (encrypted: Buffer) => {
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(encrypted.subarray(3).map((b) => b ^ 0x5a)).toString('utf8');
    },
  } satisfies SafeStorageLike;
  return { storage, calls };
}

afterEach(() => {
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
});

describe('safeStorage sealer', () => {
  it.each(['win32', 'darwin', 'linux'] as const)('refuses to exist when encryption is unavailable (%s)', (platform) => {
    const { storage } = fakeStorage(false, 'gnome_libsecret');
    expect(() => createSafeStorageSealer(storage, platform)).toThrow(OsKeystoreUnavailableError);
  });

  it('refuses the Linux basic_text backend with a clear message', () => {
    const { storage } = fakeStorage(true, 'basic_text');
    let error: unknown = null;
    try {
      createSafeStorageSealer(storage, 'linux');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OsKeystoreUnavailableError);
    expect(error instanceof OsKeystoreUnavailableError ? error.reason : null).toBe('insecure-linux-backend');
    expect(error instanceof Error ? error.name : null).toBe('OsKeystoreUnavailableError');
    expect(error instanceof Error ? error.message : '').toContain('basic_text');
  });

  it('refuses an undetermined Linux backend', () => {
    const { storage } = fakeStorage(true, 'unknown');
    expect(() => createSafeStorageSealer(storage, 'linux')).toThrow(OsKeystoreUnavailableError);
  });

  it.each(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])('accepts the Linux %s backend', (backend) => {
    const { storage } = fakeStorage(true, backend);
    expect(createSafeStorageSealer(storage, 'linux').kind).toBe('os-keystore');
  });

  it('does not consult the Linux backend on Windows', () => {
    const { storage, calls } = fakeStorage(true, 'basic_text');
    expect(createSafeStorageSealer(storage, 'win32').kind).toBe('os-keystore');
    expect(calls.backend).toBe(0);
  });

  it('round-trips random key bytes, and the sealed form is not the plaintext', () => {
    const { storage } = fakeStorage(true, 'gnome_libsecret');
    const sealer = createSafeStorageSealer(storage, 'linux');
    const key = randomBytes(32);
    const sealed = sealer.seal(key);
    expect(sealed.includes(key)).toBe(false);
    expect(sealed.toString('utf8')).not.toContain(key.toString('base64'));
    expect(sealer.unseal(sealed).equals(key)).toBe(true);
  });

  it('round-trips bytes that are not valid UTF-8', () => {
    const { storage } = fakeStorage(true, 'kwallet5');
    const sealer = createSafeStorageSealer(storage, 'linux');
    const awkward = Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80]);
    expect(sealer.unseal(sealer.seal(awkward)).equals(awkward)).toBe(true);
  });

  it('a secret that cannot be opened raises OsKeystoreUnsealError', () => {
    const { storage } = fakeStorage(true, 'gnome_libsecret');
    const sealer = createSafeStorageSealer(storage, 'linux');
    expect(() => sealer.unseal(Buffer.from('garbage'))).toThrow(OsKeystoreUnsealError);
  });

  it('uses Electron safeStorage by default', () => {
    safeStorage.available = true;
    const sealer = createSafeStorageSealer(undefined, 'linux');
    const secret = randomBytes(16);
    expect(sealer.seal(secret).toString('utf8').startsWith('sealed:')).toBe(true);
    expect(sealer.unseal(sealer.seal(secret)).equals(secret)).toBe(true);
    safeStorage.backend = 'basic_text';
    expect(() => createSafeStorageSealer(undefined, 'linux')).toThrow(OsKeystoreUnavailableError);
  });

  it('stops sealing if the key store disappears after start', () => {
    let available = true;
    const { storage } = fakeStorage(true, 'gnome_libsecret');
    const sealer = createSafeStorageSealer({ ...storage, isEncryptionAvailable: () => available }, 'linux');
    available = false;
    expect(() => sealer.seal(randomBytes(32))).toThrow(OsKeystoreUnavailableError);
  });
});

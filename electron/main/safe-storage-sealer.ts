import { safeStorage } from 'electron';
import type { SecretSealer } from '../core/keys/sealer';

/** The OS key store cannot protect secrets on this machine; the app must not start. */
export class OsKeystoreUnavailableError extends Error {
  constructor(readonly reason: 'encryption-unavailable' | 'insecure-linux-backend', detail: string) {
    super(
      reason === 'encryption-unavailable'
        ? `The operating system key store is not available (${detail}). AVRR Intake cannot protect its database key and will not start.`
        : `The Linux secret store in use is "${detail}", which encrypts with a hard-coded password and protects nothing. ` +
            'Sign in to a desktop session with GNOME Keyring (libsecret) or KWallet, or start with --password-store=gnome-libsecret.',
    );
    this.name = 'OsKeystoreUnavailableError';
  }
}

/** A sealed secret could not be opened (different OS user, key store reset, corrupted file). */
export class OsKeystoreUnsealError extends Error {
  constructor(cause: unknown) {
    super('The OS key store could not open a sealed secret: it was sealed by another user or machine, or is damaged.', { cause });
    this.name = 'OsKeystoreUnsealError';
  }
}

/** The slice of Electron's safeStorage this sealer uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Linux backends that cannot be trusted: `basic_text` is Chromium's fallback with a hard-coded
 * key; `unknown` means the backend could not be determined (or `ready` has not fired yet).
 */
const INSECURE_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

function assertUsable(storage: SafeStorageLike, platform: NodeJS.Platform): void {
  if (!storage.isEncryptionAvailable()) throw new OsKeystoreUnavailableError('encryption-unavailable', `platform ${platform}`);
  if (platform === 'linux') {
    const backend = storage.getSelectedStorageBackend();
    if (INSECURE_LINUX_BACKENDS.has(backend)) throw new OsKeystoreUnavailableError('insecure-linux-backend', backend);
  }
}

/**
 * SecretSealer over the OS key store (DPAPI on Windows, Keychain on macOS, libsecret/KWallet on
 * Linux). Checked when created, so the app refuses to start rather than write a secret it cannot
 * protect, and again on every call. The secrets are random bytes, not text, so they cross
 * safeStorage's string API as base64.
 *
 * Uses the synchronous safeStorage calls (deprecated in Electron 45 in favour of the async ones)
 * because SecretSealer is synchronous; move both together when core's interface goes async.
 */
export function createSafeStorageSealer(storage: SafeStorageLike = safeStorage, platform: NodeJS.Platform = process.platform): SecretSealer {
  assertUsable(storage, platform);
  return {
    kind: 'os-keystore',
    seal(plain) {
      assertUsable(storage, platform);
      return storage.encryptString(plain.toString('base64'));
    },
    unseal(sealed) {
      assertUsable(storage, platform);
      let text: string;
      try {
        text = storage.decryptString(sealed);
      } catch (error) {
        throw new OsKeystoreUnsealError(error);
      }
      return Buffer.from(text, 'base64');
    },
  };
}

/**
 * Seals small secrets (the key file, later the key-slot file) at rest. In Electron this is the
 * OS key store (safeStorage); the browser harness and tests use the dev sealer below, which
 * protects nothing and says so in its name and in the file it writes.
 */
export interface SecretSealer {
  readonly kind: 'os-keystore' | 'dev-plaintext';
  seal(plain: Buffer): Buffer;
  unseal(sealed: Buffer): Buffer;
}

/** DEV/TEST ONLY: stores secrets as they are. Never used by the packaged Electron app. */
export const devPlaintextSealer: SecretSealer = {
  kind: 'dev-plaintext',
  seal: (plain) => Buffer.from(plain),
  unseal: (sealed) => Buffer.from(sealed),
};

import { hashRaw } from '@node-rs/argon2';
import type { Algorithm } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { normalizePassword } from './password-policy';

/**
 * Password -> key-encryption key with argon2id. The parameters are stored with each key slot, so
 * they can be raised later (a slot made with weaker ones is re-wrapped at the next sign-in).
 */
export interface KdfParams {
  algorithm: 'argon2id';
  /** Memory cost in KiB (argon2 `m`). */
  memoryKiB: number;
  /** Passes over memory (argon2 `t`). */
  iterations: number;
  /** Lanes (argon2 `p`). */
  parallelism: number;
}

/**
 * OWASP Password Storage Cheat Sheet, argon2id minimum: m=19 MiB, t=2, p=1. The floor below which
 * the packaged app refuses to make slots, and the default slots were made with until issue 12
 * point 7 (about 70 offline guesses per second per core: too cheap, as any one account opens the
 * whole database).
 */
export const OWASP_MIN_KDF_PARAMS = {
  algorithm: 'argon2id',
  memoryKiB: 19_456,
  iterations: 2,
  parallelism: 1,
} as const satisfies KdfParams;

/**
 * Today's parameters for new and re-wrapped slots: m=64 MiB, t=3, p=1, several times the guessing
 * cost of the OWASP floor while sign-in stays well under half a second at p95 on a 2-core office
 * PC (tests/bench/kdf.bench.ts measures both). One lane: a copied data folder is attacked on all
 * cores anyway, so lanes would only speed up the attacker's single guess as much as ours.
 */
export const DEFAULT_KDF_PARAMS = {
  algorithm: 'argon2id',
  memoryKiB: 65_536,
  iterations: 3,
  parallelism: 1,
} as const satisfies KdfParams;

export const KDF_SALT_BYTES = 16;
export const KDF_OUTPUT_BYTES = 32;

/** Shape check for parameters read back from disk: bounded so a tampered file cannot ask for 4 GiB. */
export const kdfParamsSchema = z
  .object({
    algorithm: z.literal('argon2id'),
    memoryKiB: z.number().int().min(8).max(1_048_576),
    iterations: z.number().int().min(1).max(64),
    parallelism: z.number().int().min(1).max(16),
  })
  .strict();

/** A KDF parameter set below the OWASP floor was asked for outside tests. */
export class WeakKdfParamsError extends Error {
  constructor(readonly params: KdfParams) {
    super(`argon2id parameters m=${params.memoryKiB} t=${params.iterations} p=${params.parallelism} are below the OWASP floor`);
    this.name = 'WeakKdfParamsError';
  }
}

export function meetsOwaspFloor(p: KdfParams): boolean {
  return p.memoryKiB >= OWASP_MIN_KDF_PARAMS.memoryKiB && p.iterations >= OWASP_MIN_KDF_PARAMS.iterations && p.parallelism >= 1;
}

/** True when `p` is weaker than `target` in any dimension (the slot should be re-wrapped). */
export function weakerThan(p: KdfParams, target: KdfParams): boolean {
  return p.memoryKiB < target.memoryKiB || p.iterations < target.iterations || p.parallelism < target.parallelism;
}

export function newSalt(): Buffer {
  return randomBytes(KDF_SALT_BYTES);
}

// The package declares Algorithm as an ambient const enum, which isolatedModules cannot read:
// Argon2id is its value 2.
const ARGON2ID = 2 satisfies Algorithm;

/**
 * Derive the 32-byte key-encryption key. The password is NFC-normalized (so NFD input from
 * another keyboard or OS unlocks the same slot) and otherwise used whole: all of its UTF-8 bytes,
 * never trimmed or truncated.
 */
export async function deriveKek(password: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  const input = Buffer.from(normalizePassword(password), 'utf8');
  try {
    return await hashRaw(input, {
      algorithm: ARGON2ID,
      memoryCost: params.memoryKiB,
      timeCost: params.iterations,
      parallelism: params.parallelism,
      outputLen: KDF_OUTPUT_BYTES,
      salt,
    });
  } finally {
    input.fill(0);
  }
}

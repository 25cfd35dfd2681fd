import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SecretSealer } from '../keys/sealer';
import { kdfParamsSchema } from './kdf';
import { writeFileAtomic } from '../durable-file';

/**
 * The key-slot file: its JSON shape, and reading/writing it sealed and atomically. It lives
 * outside the encrypted database because it is what opens it. Binary values are base64.
 */
const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const isoTime = z.iso.datetime({ precision: 3 });

/** Consecutive failures and lockout, kept per account (and per unknown user name). */
const throttleSchema = z.object({
  failedAttempts: z.number().int().min(0),
  lockedUntil: isoTime.nullable(),
});

const gcm = z.object({ cipher: z.literal('aes-256-gcm'), iv: b64, tag: b64, ciphertext: b64 }).strict();
/** A secret sealed to a slot's public key (./sealed-box.ts): the ephemeral public key and the GCM box. */
export const sealedKeySchema = gcm.extend({ epk: b64 }).strict();

export const slotSchema = throttleSchema
  .extend({
    userId: z.uuid(),
    /** NFC + lower case: the lookup form. */
    username: z.string().min(1).max(256),
    kdf: kdfParamsSchema.extend({ salt: b64 }),
    /**
     * Slots made before key rotation existed: the database key wrapped directly under the
     * password-derived key. Re-made as `box` slots at the owner's next sign-in.
     */
    wrappedKey: gcm.optional(),
    /**
     * The slot's X25519 key pair (private half wrapped under the password-derived key) and the
     * database key sealed to its public half, so a rotation can seal a new key without the password.
     */
    box: z.object({ publicKey: b64, wrappedPrivateKey: gcm, sealedKey: sealedKeySchema }).strict().optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .strict()
  .refine((s) => (s.wrappedKey === undefined) !== (s.box === undefined), { error: 'a slot holds either wrappedKey or box' });

/**
 * A rotation of the database key under way (keys/rotation.ts): the new key sealed to every
 * slot, written before the database file is replaced. If the app stops between the two, the
 * next sign-in opens whichever key the file is in, and finishes or forgets the rotation.
 */
export const rotationSchema = z
  .object({
    /** HMAC of the new key (same recipe as keyCheck). */
    keyCheck: b64,
    startedAt: isoTime,
    sealed: z.array(z.object({ userId: z.uuid(), sealedKey: sealedKeySchema }).strict()),
  })
  .strict();

export const pendingEventSchema = z
  .object({
    at: isoTime,
    action: z.enum(['auth.signInFailed', 'auth.accountLocked']),
    username: z.string().min(1).max(256),
    userId: z.uuid().nullable(),
  })
  .strict();

export const slotFileSchema = z
  .object({
    format: z.literal('avrr-keyslots'),
    version: z.literal(1),
    /** HMAC-SHA256(dbKey, "avrr-keycheck-v1"): lets createSlot/rewrap refuse to wrap a wrong key. No secret can be recovered from it. */
    keyCheck: b64.nullable(),
    slots: z.array(slotSchema),
    /** Throttle counters for names with no slot, so a locked-out reply does not reveal which names exist. */
    unknownNames: z.array(throttleSchema.extend({ username: z.string().min(1).max(256), lastAttemptAt: isoTime }).strict()),
    pendingEvents: z.array(pendingEventSchema),
    /** Events not queued because the queue was full (see MAX_PENDING_EVENTS). */
    droppedEvents: z.number().int().min(0),
    /**
     * The audit trail's last (seq, mac) as last seen by the app, kept outside the database so
     * verify can notice entries cut from the end of the trail.
     */
    auditHead: z
      .object({ seq: z.number().int().min(1), mac: z.string().regex(/^[0-9a-f]{64}$/) })
      .strict()
      .nullable()
      .default(null),
    rotation: rotationSchema.nullable().default(null),
    /** When the database key was last rotated (null: never). */
    lastRotatedAt: isoTime.nullable().default(null),
  })
  .strict();

export type Slot = z.infer<typeof slotSchema>;
export type SlotFile = z.infer<typeof slotFileSchema>;
export type PendingAuthEvent = z.infer<typeof pendingEventSchema>;
export type Throttle = z.infer<typeof throttleSchema>;
export type Rotation = z.infer<typeof rotationSchema>;
export type SealedKeyJson = z.infer<typeof sealedKeySchema>;

export function emptySlotFile(): SlotFile {
  return { format: 'avrr-keyslots', version: 1, keyCheck: null, slots: [], unknownNames: [], pendingEvents: [], droppedEvents: 0, auditHead: null, rotation: null, lastRotatedAt: null };
}

/** The slot file exists but cannot be unsealed or is not a valid key-slot file. */
export class KeySlotFileError extends Error {
  constructor(readonly file: string, cause?: unknown) {
    super(`${file} is not a readable AVRR key-slot file`, { cause });
    this.name = 'KeySlotFileError';
  }
}

export function readSlotFile(file: string, sealer: SecretSealer): SlotFile {
  if (!existsSync(file)) return emptySlotFile();
  let parsed: unknown;
  try {
    parsed = JSON.parse(sealer.unseal(readFileSync(file)).toString('utf8'));
  } catch (e) {
    throw new KeySlotFileError(file, e);
  }
  const result = slotFileSchema.safeParse(parsed);
  if (!result.success) throw new KeySlotFileError(file, result.error);
  return result.data;
}

/**
 * Write the whole file atomically (../durable-file.ts): a crash leaves either the old or the new
 * file, never a torn one (which would lock every account out).
 */
export function writeSlotFile(file: string, sealer: SecretSealer, content: SlotFile): void {
  writeFileAtomic(file, sealer.seal(Buffer.from(JSON.stringify(content), 'utf8')));
}

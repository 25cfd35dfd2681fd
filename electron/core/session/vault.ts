import type { BackupSlots } from '../auth/key-slots';
/**
 * What the session manager needs from the key-slot store (electron/core/auth/key-slots.ts):
 * the database key, wrapped once per account under that account's password.
 */
export type UnlockResult = { ok: true; userId: string; dbKey: Buffer; pendingKey?: Buffer } | { ok: false; reason: 'invalid_credentials' | 'locked' };

/** Sign-in events that happen while the database is still closed, written to the audit trail at the next sign-in. */
export interface PendingAuthEvent {
  at: string;
  action: 'auth.signInFailed' | 'auth.accountLocked';
  username: string;
  userId: string | null;
}

export interface PendingBatch {
  events: PendingAuthEvent[];
  dropped: number;
}

export interface SlotVault {
  hasAnySlot(): boolean;
  createSlot(userId: string, username: string, password: string, dbKey: Buffer): Promise<void>;
  unlock(username: string, password: string, now: Date): Promise<UnlockResult>;
  rewrap(userId: string, newPassword: string, dbKey: Buffer): Promise<void>;
  removeSlot(userId: string): void;
  /** The queued events and how many a flood pushed out; the queue is cleared. */
  takePendingEvents(): PendingBatch;
  /** A batch whose audit write failed goes back to the queue, ahead of newer events. */
  requeuePendingEvents(batch: PendingBatch): void;
  /** The audit trail's last (seq, mac), kept outside the database: a trail cut short is then noticed. */
  auditHead(): { seq: number; mac: string } | null;
  setAuditHead(head: { seq: number; mac: string } | null): void;
  /** Rotation of the database key (electron/core/keys/rotation.ts). */
  legacyAccounts(): string[];
  /** The slots a backup carries (electron/core/auth/key-slots.ts slotsForBackup). */
  slotsForBackup(): BackupSlots;
  slotCount(): number;
  lastRotatedAt(): string | null;
  beginRotation(currentKey: Buffer, newKey: Buffer, now: Date): void;
  finishRotation(newKey: Buffer, now: Date): void;
  abandonRotation(): void;
}

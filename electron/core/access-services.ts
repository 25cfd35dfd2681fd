import { join } from 'node:path';
import type { FieldIssue } from '../../shared/ipc/errors';
import { appendAudit } from './audit/writer';
import { KeySlotStore } from './auth/key-slots';
import type { KeySlotStoreOptions } from './auth/key-slots';
import { checkPassword } from './auth/password-policy';
import type { AuditRecord } from './dispatch';
import type { Sqlite } from './db/open';
import type { SecretSealer } from './keys/sealer';
import type { SlotVault } from './session/vault';

export const KEY_SLOTS_FILE = 'keyslots.json';

/** The access building blocks (key slots, audit chain, password rules) as the session manager uses them. */
export function openAccessServices(dataDir: string, sealer: SecretSealer, options: KeySlotStoreOptions = {}) {
  const store = KeySlotStore.open(join(dataDir, KEY_SLOTS_FILE), sealer, options);
  const vault: SlotVault = {
    hasAnySlot: () => store.hasAnySlot(),
    createSlot: (userId, username, password, dbKey) => store.createSlot(userId, username, password, dbKey),
    async unlock(username, password, now) {
      const r = await store.unlock(username, password, now);
      if (!r.ok) return { ok: false, reason: r.reason };
      // A slot made with weaker KDF settings was already re-wrapped inside unlock (key-slots.ts upgradeSlot).
      return r.pendingKey ? { ok: true, userId: r.userId, dbKey: r.dbKey, pendingKey: r.pendingKey } : { ok: true, userId: r.userId, dbKey: r.dbKey };
    },
    rewrap: (userId, newPassword, dbKey) => store.rewrap(userId, newPassword, dbKey),
    removeSlot: (userId) => {
      store.removeSlot(userId);
    },
    auditHead: () => store.auditHead(),
    setAuditHead: (head) => store.setAuditHead(head),
    takePendingEvents: () => {
      const batch = store.takePendingEvents();
      return { dropped: batch.dropped, events: batch.events.map((e) => ({ at: e.at, action: e.action, username: e.username, userId: e.userId ?? null })) };
    },
    requeuePendingEvents: (batch) => store.requeuePendingEvents(batch),
    legacyAccounts: () => store.legacyAccounts(),
    slotCount: () => store.listSlots().length,
    slotsForBackup: () => store.slotsForBackup(),
    lastRotatedAt: () => store.lastRotatedAt(),
    beginRotation: (currentKey, newKey, now) => store.beginRotation(currentKey, newKey, now),
    finishRotation: (newKey, now) => store.finishRotation(newKey, now),
    abandonRotation: () => store.abandonRotation(),
  };
  return {
    vault,
    /** The audit key: electron/core/keys/derived-keys.ts (pinned across key rotations). */
    auditWriterFor(auditKey: Buffer) {
      return (sqlite: Sqlite, record: AuditRecord) => {
        appendAudit(sqlite, auditKey, record);
      };
    },
    checkPassword(password: string, who: { username: string; displayName?: string }): FieldIssue[] {
      return checkPassword(password, who).map((i) => ({ path: [], messageKey: i.messageKey, ...(i.params ? { params: i.params } : {}) }));
    },
  };
}

import { z } from 'zod';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { EnrolmentCodeView, WorkstationList } from '../../../shared/schema/office-admin';
import type { Handlers } from '../dispatch';
import type { Db } from '../db/open';
import { readSetting, writeSetting } from '../session/settings-rows';
import type { OfficeAdmin, OfficeCaller } from './office-admin';
import { auditWorkstationName } from './workstation-name';

/** The supervisor's reason for a revocation: a settings row in the encrypted database, never in the CA folder's plaintext registry. */
const revokedReasonKey = (id: string): string => `workstation.revoked.${id}`;
const revokedReasonSchema = z.object({ reason: z.string(), by: z.string() }).strict();

/**
 * The Workstations screen's channels (issue 15 point 2). `office` is null on a single
 * workstation: there is nothing to enrol or revoke, and every channel says so.
 */
export function officeAdminHandlers(office: OfficeCaller | null) {
  const adminOf = (): OfficeAdmin => {
    const admin = office?.admin() ?? null;
    if (!admin) throw new IpcFailure(ipcError('rejected', { messageKey: office ? 'workstations.errors.notReady' : 'workstations.errors.notServer' }));
    return admin;
  };
  const selfId = (): string => office?.workstation.id.toLowerCase() ?? '';
  const reasonOf = (db: Db, id: string): string | null => readSetting(db, revokedReasonKey(id), revokedReasonSchema)?.reason ?? null;

  return {
    'office.workstations': (_input, ctx): WorkstationList => {
      const admin = adminOf();
      const { db } = ctx.db();
      return {
        caFingerprint: admin.caFingerprint,
        workstations: admin.listWorkstations().map((w) => ({
          id: w.id,
          name: w.name,
          auditName: auditWorkstationName(w),
          enrolledAt: w.enrolledAt,
          expiresAt: w.expiresAt,
          revokedAt: w.revokedAt,
          revokedReason: w.revokedAt ? reasonOf(db, w.id) : null,
          self: w.id === selfId(),
        })),
      };
    },
    'office.revoke': (input, ctx) => {
      const admin = adminOf();
      const target = admin.listWorkstations().find((w) => w.id === input.id);
      // Named in the entry even when refused: which workstation the supervisor tried to revoke.
      ctx.auditDetail(target ? `workstation=${target.id};name=${auditWorkstationName(target)}` : `workstation=${input.id}`);
      if (!target) throw new IpcFailure(ipcError('not_found', { messageKey: 'workstations.errors.unknown' }));
      if (target.id === selfId()) throw new IpcFailure(ipcError('rejected', { messageKey: 'workstations.errors.self' }));
      if (target.revokedAt !== null) throw new IpcFailure(ipcError('rejected', { messageKey: 'workstations.errors.alreadyRevoked' }));
      const { db } = ctx.db();
      ctx.tx(null, () => {
        writeSetting(db, revokedReasonKey(target.id), { reason: input.reason, by: ctx.session.username });
        // Last inside the transaction: if the CA's files cannot be written, the reason and the entry roll back.
        if (!admin.revokeWorkstation(target.id)) throw new IpcFailure(ipcError('not_found', { messageKey: 'workstations.errors.unknown' }));
      });
      return { revoked: target.id };
    },
    'office.enrolmentCode': (_input, ctx): EnrolmentCodeView => {
      const admin = adminOf();
      let made: { code: string; expiresAt: Date };
      try {
        made = admin.createEnrolmentCode();
      } catch {
        // At most ten codes may be waiting at once (electron/office/enrolment.ts).
        throw new IpcFailure(ipcError('rejected', { messageKey: 'workstations.errors.tooManyCodes' }));
      }
      // The code itself is a secret for 15 minutes: the entry has its expiry only.
      ctx.auditDetail(`expires=${made.expiresAt.toISOString()}`);
      return { code: made.code, expiresAt: made.expiresAt.toISOString(), caFingerprint: admin.caFingerprint };
    },
  } satisfies Pick<Handlers, 'office.workstations' | 'office.revoke' | 'office.enrolmentCode'>;
}

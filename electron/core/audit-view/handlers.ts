import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { AuditAnchorFileError } from '../audit/anchor-file';
import type { AuditHead } from '../audit/verify';
import type { Handlers } from '../dispatch';
import type { SessionManager } from '../session/manager';
import { exportAudit, listAudit, verifyAudit } from './service';

/**
 * The anchor the trail is checked against. An anchor file that is not an anchor (damaged, or
 * written by hand) is itself a finding: the supervisor is told so in plain words, not "internal
 * error", and nothing is verified against a head that cannot be read.
 */
function readableAnchor(sessions: SessionManager): AuditHead | null {
  try {
    return sessions.auditAnchor();
  } catch (e) {
    if (e instanceof AuditAnchorFileError) throw new IpcFailure(ipcError('rejected', { messageKey: 'auditAnchor.unreadable' }));
    throw e;
  }
}

/**
 * The supervisor's audit screen. Listing is itself audited; so are the export and the check.
 *
 * The numbers on the screen must agree (issue 13 point 10: "264 entries checked" above "263
 * entries"). A listing counts the trail as it was read, before its own entry; the check writes its
 * own entry first and then checks the whole trail, that entry included, and the screen lists again
 * after it: the listing then counts exactly the entries the check did.
 */
export function auditHandlers(sessions: SessionManager) {
  return {
    'audit.list': (input, ctx) => ctx.tx(null, () => listAudit(ctx.db().sqlite, input, ctx.clock.timeZone)),
    'audit.verify': (_input, ctx) => {
      // An unreadable anchor is refused before anything is written.
      const anchor = readableAnchor(sessions);
      ctx.tx(null, () => undefined);
      return verifyAudit(ctx.db().sqlite, sessions.derivedKeys().audit, anchor);
    },
    'audit.exportCsv': (input, ctx) => ctx.tx(null, () => exportAudit(ctx.db().sqlite, input, ctx.clock.timeZone, ctx.now())),
  } satisfies Pick<Handlers, 'audit.list' | 'audit.verify' | 'audit.exportCsv'>;
}

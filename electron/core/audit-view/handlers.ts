import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { AuditAnchorFileError } from '../audit/anchor-file';
import type { AuditHead } from '../audit/verify';
import { deriveAuditKey } from '../audit/chain';
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

/** The supervisor's audit screen. Listing is itself audited; so is the export. */
export function auditHandlers(sessions: SessionManager) {
  return {
    'audit.list': (input, ctx) => ctx.tx(null, () => listAudit(ctx.db().sqlite, input)),
    'audit.verify': (_input, ctx) => verifyAudit(ctx.db().sqlite, deriveAuditKey(sessions.key()), readableAnchor(sessions)),
    'audit.exportCsv': (input, ctx) => ctx.tx(null, () => exportAudit(ctx.db().sqlite, input, ctx.now())),
  } satisfies Pick<Handlers, 'audit.list' | 'audit.verify' | 'audit.exportCsv'>;
}

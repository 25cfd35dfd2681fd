import { deriveAuditKey } from '../audit/chain';
import type { Handlers } from '../dispatch';
import type { SessionManager } from '../session/manager';
import { exportAudit, listAudit, verifyAudit } from './service';

/** The supervisor's audit screen. Listing is itself audited; so is the export. */
export function auditHandlers(sessions: SessionManager) {
  return {
    'audit.list': (input, ctx) => ctx.tx(null, () => listAudit(ctx.db().sqlite, input)),
    'audit.verify': (_input, ctx) => verifyAudit(ctx.db().sqlite, deriveAuditKey(sessions.key()), sessions.auditAnchor()),
    'audit.exportCsv': (input, ctx) => ctx.tx(null, () => exportAudit(ctx.db().sqlite, input, ctx.now())),
  } satisfies Pick<Handlers, 'audit.list' | 'audit.verify' | 'audit.exportCsv'>;
}

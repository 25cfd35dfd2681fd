import { z } from 'zod';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import type { DisposalResult, RetentionView } from '../../../shared/schema/data-safety';
import type { SignedInContext } from '../context';
import type { Sqlite } from '../db/open';
import { disposeCase, scrubFreedPages, withSecureDelete } from './dispose';
import { disposalCandidates } from './last-use';
import { readRetentionYears, writeRetentionYears } from './settings';

/** The Privacy Act rule the minimum comes from (shared/i18n `retention.source`). */
export const RETENTION_SOURCE_KEY = 'retention.source';

function disposedCount(sqlite: Sqlite): number {
  return z.number().parse(sqlite.prepare('SELECT count(*) FROM cases WHERE disposed_at IS NOT NULL').pluck().get());
}

/** `retention.get`: the period, its source, and the cases past it today (oldest use first). */
export function retentionView(ctx: SignedInContext): RetentionView {
  const { db, sqlite } = ctx.db();
  const years = readRetentionYears(db);
  const candidates = disposalCandidates(sqlite, ctx.clock.timeZone, years, ctx.clock.today());
  ctx.auditDetail(`years=${years};candidates=${candidates.length}`);
  return { years, sourceKey: RETENTION_SOURCE_KEY, candidates, disposedCount: disposedCount(sqlite) };
}

/** `retention.setYears`: two years at least (the schema refuses less), audited with the new value. */
export function setRetentionYears(ctx: SignedInContext, years: number): RetentionView {
  ctx.auditDetail(`years=${years}`);
  ctx.tx(null, () => writeRetentionYears(ctx.db().db, years));
  const { db, sqlite } = ctx.db();
  return { years, sourceKey: RETENTION_SOURCE_KEY, candidates: disposalCandidates(sqlite, ctx.clock.timeZone, readRetentionYears(db), ctx.clock.today()), disposedCount: disposedCount(sqlite) };
}

const namedRow = z.object({ id: z.string(), caseNumber: z.string(), disposedAt: z.string().nullable() });

/**
 * `retention.dispose`: every case named must be past its period today and not yet disposed of,
 * checked inside the transaction; otherwise nothing is changed and the refusal names the case.
 * One transaction for the batch, one audit entry per case naming its number (the approver is the
 * entry's user; the reason stays in the case row). Then the freed pages are scrubbed.
 */
export function disposeCases(ctx: SignedInContext, input: { caseIds: string[]; reason: string }): DisposalResult {
  const { db, sqlite } = ctx.db();
  const ids = [...new Set(input.caseIds)];
  ctx.auditDetail(`cases=${ids.length}`);
  const disposed = withSecureDelete(sqlite, () =>
    ctx.tx(null, () => {
      const named = z
        .array(namedRow)
        .parse(sqlite.prepare(`SELECT id, case_number AS caseNumber, disposed_at AS disposedAt FROM cases WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids));
      const byId = new Map(named.map((r) => [r.id, r]));
      const due = new Map(disposalCandidates(sqlite, ctx.clock.timeZone, readRetentionYears(db), ctx.clock.today()).map((c) => [c.caseId, c]));
      for (const id of ids) {
        const row = byId.get(id);
        if (!row) throw new IpcFailure(ipcError('not_found'));
        if (row.disposedAt !== null) throw new IpcFailure(ipcError('rejected', { messageKey: 'retention.already_disposed', params: { caseNumber: row.caseNumber } }));
        if (!due.has(id)) throw new IpcFailure(ipcError('rejected', { messageKey: 'retention.not_yet_disposable', params: { caseNumber: row.caseNumber } }));
      }
      const at = ctx.now().toISOString();
      for (const id of ids) {
        disposeCase(sqlite, { caseId: id, by: ctx.session.userId, at, reason: input.reason });
        ctx.auditEach('retention.disposeCase', id, `case=${byId.get(id)?.caseNumber ?? ''}`);
      }
      return ids;
    }),
  );
  scrubFreedPages(sqlite);
  return { disposed };
}

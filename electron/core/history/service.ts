import { z } from 'zod';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { roles } from '../../../shared/roles';
import type { Role } from '../../../shared/roles';
import { historyAuditActions } from '../../../shared/schema/history';
import type { HistoryAuditAction, HistoryLine } from '../../../shared/schema/history';
import { officeDateTime } from '../../../shared/time/office-time';
import { attachmentEvents } from '../attachments/rows';
import { readAuditRows } from '../audit/read';
import type { AuditRow } from '../audit/entry';
import { caseExists } from '../cases/service';
import type { SignedInContext } from '../context';
import type { Db, Sqlite } from '../db/open';
import { readStages } from '../stages/rows';
import { userById, roleOf } from '../users/rows';

/**
 * A case's history for officers: the audit trail's successful steps on the case, the stage
 * entries (with their dates, sources, corrections and reasons) and the scans attached (by kind
 * and hash), merged in time order. Plain reads of the case (opening it, listing its documents)
 * are left out: the supervisor's audit screen shows those. Reading the history is itself an
 * audited read of the case.
 */
export function caseHistory(ctx: SignedInContext, caseId: string): HistoryLine[] {
  const { db, sqlite } = ctx.db();
  if (!caseExists(sqlite, caseId)) throw new IpcFailure(ipcError('not_found'));
  return ctx.tx(caseId, () => buildHistory(db, sqlite, caseId, ctx.clock.timeZone));
}

const role = z.enum(roles).nullable().catch(null);
const shownActions: ReadonlySet<string> = new Set(historyAuditActions);
const isShown = (action: string): action is HistoryAuditAction => shownActions.has(action);
const PAGE = 1000;

export function buildHistory(db: Db, sqlite: Sqlite, caseId: string, timeZone: string): HistoryLine[] {
  const audit = caseAuditRows(sqlite, caseId);
  const names = new Map<string, { name: string; role: Role | null } | null>();
  const person = (userId: string | null, fallbackName: string | null, roleAtTheTime: Role | null): HistoryLine['who'] => {
    if (userId === null) return fallbackName ? { name: fallbackName, role: roleAtTheTime } : null;
    if (!names.has(userId)) {
      const u = userById(db, userId);
      names.set(userId, u ? { name: u.displayName, role: roleOf(u) } : null);
    }
    const known = names.get(userId);
    return { name: known?.name ?? fallbackName ?? userId, role: roleAtTheTime ?? known?.role ?? null };
  };
  // The role at the time of a stage or an attachment is on the audit entry written with it.
  const roleAt = new Map(audit.map((r) => [`${r.action}|${r.userId ?? ''}|${r.at}`, role.parse(r.role)]));
  const local = (at: string) => officeDateTime(new Date(at), timeZone);

  const lines: HistoryLine[] = [];
  for (const r of audit) {
    if (!isShown(r.action)) continue;
    lines.push({ at: r.at, localAt: local(r.at), who: person(r.userId, r.username, role.parse(r.role)), action: r.action });
  }

  const stages = readStages(db, caseId);
  const byId = new Map(stages.map((e) => [e.id, e]));
  for (const e of stages) {
    const channel = e.stage.action === 'correctStage' ? 'stage.correct' : 'stage.record';
    const line: HistoryLine = {
      at: e.recordedAt,
      localAt: local(e.recordedAt),
      who: person(e.recordedBy, null, roleAt.get(`${channel}|${e.recordedBy}|${e.recordedAt}`) ?? null),
      action: `stage.${e.stage.action}`,
    };
    // A correction happens when it is recorded: its date and source would say nothing more.
    if (e.stage.action !== 'correctStage') Object.assign(line, { occurredOn: e.occurredOn, source: e.source });
    if (e.reason) line.reason = e.reason;
    if (e.stage.action === 'recordTravelDocument') line.outcome = e.stage.outcome;
    const undone = e.correctsId ? byId.get(e.correctsId)?.stage.action : undefined;
    if (undone && undone !== 'correctStage') line.corrects = undone;
    lines.push(line);
  }

  for (const a of attachmentEvents(db, caseId)) {
    lines.push({
      at: a.addedAt,
      localAt: local(a.addedAt),
      who: person(a.addedBy, null, roleAt.get(`attachment.add|${a.addedBy}|${a.addedAt}`) ?? null),
      action: 'attachment.add',
      attachmentKind: a.kind,
      sha256: a.sha256,
    });
  }

  // Stable: equal instants keep the order above (the audit's chain order, then stage order).
  return lines.map((l, i) => ({ l, i })).sort((x, y) => (x.l.at < y.l.at ? -1 : x.l.at > y.l.at ? 1 : x.i - y.i)).map(({ l }) => l);
}

/** Every successful audit entry of the case, oldest first. */
function caseAuditRows(sqlite: Sqlite, caseId: string): AuditRow[] {
  const out: AuditRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = readAuditRows(sqlite, { caseId, outcome: 'ok', order: 'asc', limit: PAGE, offset });
    out.push(...page.rows);
    if (page.rows.length < PAGE) return out;
  }
}

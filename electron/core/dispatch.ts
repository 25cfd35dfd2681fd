import type { Statement } from 'better-sqlite3';
import type { z } from 'zod';
import { contract, isChannelName } from '../../shared/ipc/contract';
import type { ChannelName, ChannelOutput, ChannelParsed, Contract } from '../../shared/ipc/contract';
import { IpcFailure, ipcError } from '../../shared/ipc/errors';
import type { FieldIssue, IpcError, IpcResult } from '../../shared/ipc/errors';
import { can } from '../../shared/roles';
import { DEFAULT_OFFICE_TIME_ZONE, officeClock } from '../../shared/time/office-time';
import { inputShapeProblem } from '../../shared/schema/input-shape';
import type { AuditEntry, AuditEntryInput } from './audit/entry';
import type { CallContext, Session, SignedInContext } from './context';
import type { OpenDatabase, Sqlite } from './db/open';
import { isDiskFull } from './disk-full';

/** Public channels may run without a session; every other handler gets a session that cannot be null. */
export type ContextOf<C extends ChannelName> = Contract[C]['access'] extends 'public' ? CallContext : SignedInContext;
export type Handler<C extends ChannelName> = (input: ChannelParsed<C>, ctx: ContextOf<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
/** One handler per channel of the contract: the type system refuses a missing or extra one. */
export type Handlers = { [C in ChannelName]: Handler<C> };

/** An audit entry as the audit module defines and checks it (electron/core/audit/entry.ts). */
export type AuditRecord = AuditEntryInput;
type AuditOutcome = AuditEntry['outcome'];

export interface DispatchDeps {
  handlers: Handlers;
  session(): Session | null;
  /** True while the workstation is locked: every non-public call answers `locked`. */
  locked(): boolean;
  database(): OpenDatabase | null;
  /** Append one entry to the audit trail; called inside the transaction it records. */
  audit(sqlite: Sqlite, record: AuditRecord): void;
  now(): Date;
  /** The office's time zone (the setting; a valid IANA name). Default America/Toronto. */
  officeTimeZone?(): string;
  workstation: string;
  /** Where unexpected errors go (never to the renderer, which gets `internal`). */
  logError(channel: string, e: unknown): void;
  /**
   * A transaction of this call that changed rows has committed (live updates: the change log).
   * Not called for a read inside `tx`, nor for a transaction that rolled back.
   */
  committed?(channel: ChannelName, caseId: string | null, session: Session | null): void;
}

/**
 * Serve one call of the contract. Deny by default: unknown channel, bad input, no session, a
 * locked workstation or a missing permission each end in a typed error value, with nothing
 * written. Nothing thrown inside a handler escapes: the process never crashes on a call.
 */
export async function dispatch(deps: DispatchDeps, channel: unknown, input: unknown): Promise<IpcResult<unknown>> {
  if (!isChannelName(channel)) return fail(ipcError('unknown_channel'));
  const def = contract[channel];
  const session = deps.session();

  if (def.access !== 'public') {
    if (!session) return fail(ipcError('not_signed_in'));
    if (deps.locked()) return fail(ipcError('locked'));
    if (session.mustChangePassword && def.access !== 'signed_in') {
      return fail(ipcError('rejected', { messageKey: 'errors.password_change_required' }));
    }
    if (def.access !== 'signed_in' && !can(session.role, def.access)) {
      auditOutside(deps, channel, session, null, 'denied');
      return fail(ipcError('forbidden'));
    }
  }

  // zod and JSON.stringify recurse: a circular, very deep or BigInt value would throw (or overflow
  // the stack) inside them, so its shape is checked first, without recursion.
  const shape = inputShapeProblem(input);
  if (shape) return fail(ipcError('invalid_input', { issues: [{ path: [], messageKey: shape }] }));
  let parsed: ReturnType<typeof def.input.safeParse>;
  try {
    parsed = def.input.safeParse(input);
  } catch (e) {
    // A refinement that throws on a value it did not expect: still the caller's bad input.
    deps.logError(channel, e);
    return fail(ipcError('invalid_input', { issues: [{ path: [], messageKey: 'validation.invalid' }] }));
  }
  if (!parsed.success) return fail(ipcError('invalid_input', { issues: toFieldIssues(parsed.error) }));

  let auditedInTx = false;
  let caseIdSeen: string | null = null;
  let detailSeen: string | null = null;
  /** The cases of `auditEach` entries (an import or a disposal changes many in one transaction). */
  const eachCase: string[] = [];
  const ctx: CallContext = {
    channel,
    session,
    now: deps.now,
    clock: officeClock(deps.now, deps.officeTimeZone?.() ?? DEFAULT_OFFICE_TIME_ZONE),
    db() {
      const open = deps.database();
      if (!open) throw new IpcFailure(ipcError('not_signed_in'));
      return { db: open.db, sqlite: open.sqlite };
    },
    tx<T>(caseId: string | null | ((out: T) => string | null), fn: () => T, opts?: { action?: string }): T {
      const { sqlite } = ctx.db();
      if (typeof caseId !== 'function') caseIdSeen = caseId;
      let wrote = false;
      const eachFrom = eachCase.length;
      const run = sqlite.transaction(() => {
        // Rows changed by `fn` itself (its audit entry, written below, does not count): a read
        // that runs in a transaction for one consistent view is not a change anyone must see.
        const before = deps.committed ? totalChanges(sqlite) : 0;
        const out = fn();
        wrote = deps.committed !== undefined && totalChanges(sqlite) > before;
        const id = typeof caseId === 'function' ? caseId(out) : caseId;
        caseIdSeen = id;
        if (def.audited) deps.audit(sqlite, record(deps, opts?.action ?? channel, session, id, 'ok', detailSeen));
        return out;
      });
      // BEGIN IMMEDIATE: take the write lock first, so a second process waits (busy timeout)
      // instead of failing with "database is locked" when its read turns into a write.
      const out = run.immediate();
      auditedInTx = def.audited;
      if (wrote) for (const id of changedCases(caseIdSeen, eachCase.slice(eachFrom))) deps.committed?.(channel, id, session);
      return out;
    },
    auditEach(action: string, caseId: string | null, detail?: string): void {
      // Only inside `tx`: the entry commits or rolls back with the change it records.
      const { sqlite } = ctx.db();
      if (!sqlite.inTransaction) throw new Error('auditEach outside a transaction');
      deps.audit(sqlite, record(deps, action, session, caseId, 'ok', detail ?? null));
      if (caseId !== null) eachCase.push(caseId);
    },
    auditDetail(detail: string): void {
      detailSeen = detail;
    },
  };

  try {
    // Past the checks above, a non-public channel has its session: handlers may rely on it.
    const handler = deps.handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    if (def.audited && !auditedInTx) {
      // A read of personal data that leaves no trace in the audit trail is not answered.
      const unrecorded = auditOutside(deps, channel, session, caseIdSeen, 'ok', detailSeen);
      if (unrecorded) return fail(isDiskFull(unrecorded) ? ipcError('disk_full') : ipcError('internal', { messageKey: 'errors.audit_unavailable' }));
    }
    return { ok: true, value };
  } catch (e) {
    if (e instanceof IpcFailure) {
      auditOutside(deps, channel, session, caseIdSeen, e.error.code === 'forbidden' ? 'denied' : 'error', detailSeen);
      return fail(e.error);
    }
    deps.logError(channel, e);
    auditOutside(deps, channel, session, caseIdSeen, 'error', detailSeen);
    return fail(ipcError(isDiskFull(e) ? 'disk_full' : 'internal'));
  }
}

/** The cases one committed transaction changed: its own and those of its `auditEach` entries (null: none in particular). */
function changedCases(own: string | null, each: readonly string[]): (string | null)[] {
  const ids = new Set(own === null ? each : [own, ...each]);
  return ids.size === 0 ? [null] : [...ids];
}

const totalChangesQuery = new WeakMap<Sqlite, Statement<[], unknown>>();

/** Rows inserted, updated or deleted on this connection since it opened (SQLite's total_changes()). */
function totalChanges(sqlite: Sqlite): number {
  let query = totalChangesQuery.get(sqlite);
  if (!query) totalChangesQuery.set(sqlite, (query = sqlite.prepare('SELECT total_changes()').pluck()));
  const n: unknown = query.get();
  return typeof n === 'number' ? n : 0;
}

function fail(error: IpcError): IpcResult<never> {
  return { ok: false, error };
}

function record(deps: DispatchDeps, action: string, s: Session | null, caseId: string | null, outcome: AuditOutcome, detail: string | null = null): AuditRecord {
  return {
    at: deps.now().toISOString(),
    userId: s?.userId ?? null,
    username: s?.username ?? null,
    role: s?.role ?? null,
    action,
    caseId,
    outcome,
    workstation: deps.workstation,
    detail,
  };
}

/**
 * Audit a call that wrote nothing (a denial, a failure after rollback, a plain read). Returns
 * why the entry could not be written, or null (written, or nothing to audit: no database open).
 */
function auditOutside(deps: DispatchDeps, action: string, s: Session | null, caseId: string | null, outcome: AuditOutcome, detail: string | null = null): unknown {
  const open = deps.database();
  if (!open || !contract[action as ChannelName]?.audited) return null;
  try {
    open.sqlite.transaction(() => deps.audit(open.sqlite, record(deps, action, s, caseId, outcome, detail))).immediate();
    return null;
  } catch (e) {
    deps.logError(action, e);
    return e ?? new Error('audit write failed');
  }
}

/** zod issues -> field issues with i18n keys (schemas use "validation.*" keys as messages). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    messageKey: i.message.startsWith('validation.') ? i.message : 'validation.invalid',
  }));
}

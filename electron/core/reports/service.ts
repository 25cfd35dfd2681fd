import { z } from 'zod';
import { IpcFailure, ipcError } from '../../../shared/ipc/errors';
import { casesInCell, parseCell } from '../../../shared/reports/cells';
import type { ReportContext } from '../../../shared/reports/cells';
import { keptReport } from '../../../shared/reports/kept-report';
import type { ReportQuery } from '../../../shared/reports/query';
import type { Report } from '../../../shared/reports/report';
import type { ReportCase } from '../../../shared/reports/report-case';
import { can } from '../../../shared/roles';
import { policy } from '../../../shared/rules/policy';
import type { ReportCaseRef, ReportCases } from '../../../shared/schema/reports-api';
import { AUDIT_DETAIL_PATTERN } from '../audit/entry';
import type { CallContext, SignedInContext } from '../context';
import type { Db, Sqlite } from '../db/open';
import { loadReportCases } from './load';
import { removalTargets } from './targets';

/**
 * The reports: every case's facts (./load.ts, kept per case version), the removal targets
 * (./targets.ts) and the office's today go into the pure `computeReport`, through
 * shared/reports/kept-report.ts, which keeps each query's sums and brings them up to date from
 * the cases changed since (the same report); the drill-down lists a number's cases with
 * `casesInCell`, the same code that counted them. The Reports screen, the exports and
 * `npm run report` (scripts/report.ts) all call `buildReport`.
 */

/** What a report depends on besides the data: the office's today and time zone, and the instant it is made. */
export interface ReportEnv {
  today: string;
  timeZone: string;
  now: Date;
}

export interface Open {
  db: Db;
  sqlite: Sqlite;
}

export function reportEnv(ctx: Pick<CallContext, 'clock'>): ReportEnv {
  return { today: ctx.clock.today(), timeZone: ctx.clock.timeZone, now: ctx.clock.now() };
}

function reportContext(db: Db, env: ReportEnv): ReportContext {
  return { today: env.today, generatedAt: env.now.toISOString(), targets: removalTargets(db), currentPolicyVersion: policy.version };
}

/** The cases and the context a report is computed from. */
export function reportInputs(open: Open, env: ReportEnv): { cases: ReportCase[]; ctx: ReportContext } {
  return { cases: loadReportCases(open, env.timeZone).cases, ctx: reportContext(open.db, env) };
}

export function buildReport(open: Open, query: ReportQuery, env: ReportEnv): Report {
  const { cases, ctx } = reportInputs(open, env);
  return keptReport(cases, query, ctx, open.sqlite);
}

/** The query as audit tokens (dates and a basis: no personal data). */
export function queryDetail(q: ReportQuery): string {
  return `basis=${q.basis};from=${q.from};to=${q.to}`;
}

/** A cell id in an audit detail: as it is when it fits the detail's characters, else base64url. */
function cellDetail(cell: string): string {
  const plain = `cell=${cell}`;
  return AUDIT_DETAIL_PATTERN.test(plain) ? plain : `cell64=${Buffer.from(cell, 'utf8').toString('base64url')}`;
}

/** `report.get`: an audited read naming its query. */
export function getReport(ctx: SignedInContext, query: ReportQuery): Report {
  ctx.auditDetail(queryDetail(query));
  return buildReport(ctx.db(), query, reportEnv(ctx));
}

const principalRow = z.object({ caseId: z.string(), nameLatin: z.string() });
const principalRows = z.array(principalRow);

/** The principals' names (Latin letters) of these cases. */
export function principalNames(sqlite: Sqlite, caseIds: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < caseIds.length; i += 1000) {
    const chunk = caseIds.slice(i, i + 1000);
    const rows = principalRows.parse(
      sqlite.prepare(`SELECT case_id AS caseId, name_latin AS nameLatin FROM persons WHERE position = 0 AND case_id IN (${chunk.map(() => '?').join(',')})`).all(...chunk),
    );
    for (const r of rows) out.set(r.caseId, r.nameLatin);
  }
  return out;
}

const byCaseNumber = (a: { caseNumber: string }, b: { caseNumber: string }) => (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0);

/**
 * `report.cases`: the cases behind one number of the report for `query`, by case number. Needs
 * case.read as well as report.read (it names people); the audit entry names the number (its cell)
 * and how many cases were listed.
 */
export function reportCases(ctx: SignedInContext, input: { query: ReportQuery; cell: string }): ReportCases {
  if (!can(ctx.session.role, 'case.read')) throw new IpcFailure(ipcError('forbidden'));
  if (parseCell(input.cell) === null) throw new IpcFailure(ipcError('invalid_input', { issues: [{ path: ['cell'], messageKey: 'validation.invalid' }] }));
  const open = ctx.db();
  const { cases, ctx: reportCtx } = reportInputs(open, reportEnv(ctx));
  const listed = casesInCell(cases, input.query, reportCtx, input.cell).sort(byCaseNumber);
  const names = principalNames(open.sqlite, listed.map((c) => c.id));
  const refs: ReportCaseRef[] = listed.map((c) => ({ id: c.id, caseNumber: c.caseNumber, status: c.status, appliedOn: c.appliedOn, principalName: names.get(c.id) ?? '' }));
  const detail = `${queryDetail(input.query)};${cellDetail(input.cell)};cases=${refs.length}`;
  ctx.auditDetail(AUDIT_DETAIL_PATTERN.test(detail) ? detail : `${cellDetail(input.cell)};cases=${refs.length}`);
  return { cell: input.cell, cases: refs };
}

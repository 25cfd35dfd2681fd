import { z } from 'zod';
import { caseStatuses, statusInfo } from '../../../shared/case/lifecycle';
import { parseSearchQuery } from '../../../shared/case/search-query';
import type { SearchQuery } from '../../../shared/case/search-query';
import { can } from '../../../shared/roles';
import type { Role } from '../../../shared/roles';
import { caseStatus, intakeChannel } from '../../../shared/schema/case';
import type { CasePage, CaseSummary, ListCasesQuery } from '../../../shared/schema/case';
import type { Sqlite } from '../db/open';
import { foldForSearch } from './search-text';

/** The list row of a case: the case and its principal applicant (CROSS JOIN keeps SQLite from scanning every person first). */
export const summarySelect = `SELECT c.id, c.case_number AS caseNumber, c.status, c.channel, c.updated_at AS updatedAt,
       c.application_date AS applicationDate,
       p.name_as_written AS principalNameAsWritten, p.name_latin AS principalNameLatin,
       p.date_of_birth AS principalDateOfBirth, p.nationality AS principalNationality,
       (SELECT count(*) FROM persons x WHERE x.case_id = c.id) AS personCount
  FROM cases c CROSS JOIN persons p ON p.case_id = c.id AND p.position = 0`;

/**
 * A row of `summarySelect`, checked as it is read (the SQL stays hand-written: FTS MATCH and the
 * CROSS JOIN planner hint are not expressible in drizzle's builder).
 */
export const caseSummaryRow = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: caseStatus,
  channel: intakeChannel,
  updatedAt: z.string(),
  applicationDate: z.string().nullable(),
  principalNameAsWritten: z.string(),
  principalNameLatin: z.string(),
  principalDateOfBirth: z.string(),
  principalNationality: z.string(),
  personCount: z.number().int(),
}) satisfies z.ZodType<CaseSummary>;
const caseSummaryRows = z.array(caseSummaryRow);
const caseIds = z.array(z.string());
const count = z.number().int();

/** Totals stop counting here, past the page asked for: "1000+" is all an officer needs, and counting further costs time on every keystroke. */
export const TOTAL_CAP = 1000;

/** Who is asking: "needs my action" and the reduced view of a clerk depend on it. */
export interface ListViewer {
  userId: string;
  role: Role;
  /** The office's date (YYYY-MM-DD): cases due for a look on or before it need action. */
  today: string;
}

/** A list request: the validated `case.list` input, with the defaults optional for callers inside the back end. */
export type CaseListRequest = Partial<ListCasesQuery> & Pick<ListCasesQuery, 'limit' | 'offset'>;

interface Sql {
  sql: string;
  args: unknown[];
}

/**
 * Which persons a name text means, as `SELECT r, case_id` (r = the person row's rowid): the
 * trigram full-text index; names shorter than three characters, like many two-character Chinese
 * names, fall back to a scan.
 */
/** Shorter than a trigram: the full-text index cannot find it. */
const isShort = (text: string): boolean => [...foldForSearch(text)].length < 3;

function nameMatch(text: string): Sql {
  const folded = foldForSearch(text);
  if (!isShort(text)) {
    return {
      sql: 'SELECT f.rowid AS r, p.case_id FROM persons_fts f CROSS JOIN persons p ON p.rowid = f.rowid WHERE persons_fts MATCH ?',
      args: [`"${folded.replace(/"/g, '""')}"`],
    };
  }
  return { sql: 'SELECT rowid AS r, case_id FROM persons WHERE instr(search_text, ?) > 0', args: [folded] };
}

/**
 * Which persons a search means, as `SELECT r, case_id`, each kind by its own index (date of
 * birth, UCI, names); null for a case number, which is a condition on the case itself.
 */
export function personMatch(q: SearchQuery): Sql | null {
  switch (q.kind) {
    case 'case_number':
      return null;
    case 'date':
      return { sql: `SELECT rowid AS r, case_id FROM persons WHERE date_of_birth IN (${q.dates.map(() => '?').join(',')})`, args: q.dates };
    case 'date_prefix':
      return { sql: 'SELECT rowid AS r, case_id FROM persons WHERE date_of_birth >= ? AND date_of_birth < ?', args: [q.prefix, `${q.prefix}~`] };
    case 'uci':
      return { sql: 'SELECT rowid AS r, case_id FROM persons WHERE uci >= ? AND uci < ?', args: [q.prefix, `${q.prefix}~`] };
    case 'name':
      return nameMatch(q.text);
  }
}

/** Statuses in lifecycle order, for sorting by status. */
const statusOrder = `CASE c.status ${caseStatuses.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;

function orderBy(input: CaseListRequest): string {
  const dir = input.dir === 'asc' ? 'ASC' : 'DESC';
  switch (input.sort ?? 'updated') {
    case 'updated':
      return `c.updated_at ${dir}, c.id`;
    case 'caseNumber':
      return `c.case_number ${dir}`;
    case 'name':
      return `p.name_latin COLLATE NOCASE ${dir}, c.case_number`;
    case 'applicationDate':
      // Cases without an application date (drafts) last either way.
      return `c.application_date IS NULL, c.application_date ${dir}, c.case_number`;
    case 'status':
      return `${statusOrder} ${dir}, c.updated_at DESC, c.id`;
  }
}

/**
 * "Needs my action", per what the role can do: the supervisor's review queue; the cases due for
 * a look after referral (the task list's index `cases_due`) that the officer last changed or
 * started (a supervisor: all of them); an intake, decision or consent not yet referred that the
 * officer started or last changed. A role that can do none of these (a clerk) has none.
 */
function needsMyAction(viewer: ListViewer): Sql {
  const parts: Sql[] = [];
  const everyone = can(viewer.role, 'case.review');
  if (everyone) parts.push({ sql: `c.status = 'under_review'`, args: [] });
  if (can(viewer.role, 'stage.record')) {
    parts.push({
      sql: `(c.attention_on IS NOT NULL AND c.attention_on <= ?${everyone ? '' : ' AND (c.updated_by = ? OR c.created_by = ?)'})`,
      args: everyone ? [viewer.today] : [viewer.today, viewer.userId, viewer.userId],
    });
  }
  if (can(viewer.role, 'case.edit')) {
    const open = caseStatuses.filter((s) => ['intake', 'decision', 'consent'].includes(statusInfo[s].phase) && s !== 'under_review');
    parts.push({ sql: `(c.status IN (${open.map((s) => `'${s}'`).join(',')}) AND (c.created_by = ? OR c.updated_by = ?))`, args: [viewer.userId, viewer.userId] });
  }
  if (parts.length === 0) return { sql: '0', args: [] };
  return { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, args: parts.flatMap((p) => p.args) };
}

/** The conditions on the case row for the filters of a request (a search text is handled apart). */
function caseFilters(input: CaseListRequest, viewer: ListViewer | null): Sql[] {
  const where: Sql[] = [];
  if (input.status) where.push({ sql: 'c.status = ?', args: [input.status] });
  if (input.phase) {
    const phase = input.phase;
    const statuses = caseStatuses.filter((s) => statusInfo[s].phase === phase);
    where.push({ sql: `c.status IN (${statuses.map(() => '?').join(',')})`, args: statuses });
  }
  if (input.channel) where.push({ sql: 'c.channel = ?', args: [input.channel] });
  if (input.officer) where.push({ sql: '(c.created_by = ? OR c.updated_by = ?)', args: [input.officer, input.officer] });
  if (input.from) where.push({ sql: 'c.application_date >= ?', args: [input.from] });
  if (input.to) where.push({ sql: 'c.application_date <= ?', args: [input.to] });
  if (input.needsMyAction && viewer) where.push(needsMyAction(viewer));
  return where;
}

/** A clerk's rows: names, numbers and status only (roles without case.read_facts). */
function forViewer(rows: CaseSummary[], viewer: ListViewer | null): CaseSummary[] {
  if (!viewer || can(viewer.role, 'case.read_facts')) return rows;
  return rows.map((r) => ({ ...r, principalDateOfBirth: null, principalNationality: null }));
}

function page(items: CaseSummary[], offset: number, counted: number, understood: SearchQuery | null): CasePage {
  return { items, total: offset + Math.min(counted, TOTAL_CAP), more: counted > TOTAL_CAP, understood };
}

/** The list rows of these cases, in the order given. */
function summariesInOrder(sqlite: Sqlite, ids: string[]): CaseSummary[] {
  if (ids.length === 0) return [];
  const rows = caseSummaryRows.parse(sqlite.prepare(`${summarySelect} WHERE c.id IN (${ids.map(() => '?').join(',')})`).all(...ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * One page of cases and how many match from this page on (up to TOTAL_CAP more), so every page
 * can be reached with "next" however many there are. Without a search or filter: newest change
 * first. A name, date or UCI search with no filter and the default order streams the persons
 * most recently saved first (person rows are rewritten on each save, so rowid order is save
 * order: the full-text index yields it without sorting every match), for search as you type.
 */
export function listCases(sqlite: Sqlite, input: CaseListRequest, viewer: ListViewer | null = null): CasePage {
  const understood = parseSearchQuery(input.query ?? '');
  const filters = caseFilters(input, viewer);
  const m = understood ? personMatch(understood) : null;
  const defaultOrder = (input.sort ?? 'updated') === 'updated' && input.dir !== 'asc';

  if (m && filters.length === 0 && defaultOrder && understood?.kind === 'name' && isShort(understood.text)) {
    // One or two letters match most persons: read them newest save first and stop at the page
    // (and at the count's cap), instead of grouping every match before sorting.
    const scan = 'SELECT DISTINCT case_id FROM persons WHERE instr(search_text, ?) > 0 ORDER BY rowid DESC';
    const ids = caseIds.parse(sqlite.prepare(`${scan} LIMIT ? OFFSET ?`).pluck().all(...m.args, input.limit, input.offset));
    const counted = count.parse(sqlite.prepare(`SELECT count(*) FROM (${scan} LIMIT ? OFFSET ?)`).pluck().get(...m.args, TOTAL_CAP + 1, input.offset));
    return page(forViewer(summariesInOrder(sqlite, ids), viewer), input.offset, counted, understood);
  }
  if (m && filters.length === 0 && defaultOrder) {
    const ids = caseIds.parse(
      sqlite
        .prepare(`SELECT case_id FROM (${m.sql}) GROUP BY case_id ORDER BY max(r) DESC LIMIT ? OFFSET ?`)
        .pluck()
        .all(...m.args, input.limit, input.offset),
    );
    const items = summariesInOrder(sqlite, ids);
    const counted = count.parse(
      sqlite.prepare(`SELECT count(*) FROM (SELECT DISTINCT case_id FROM (${m.sql}) LIMIT ? OFFSET ?)`).pluck().get(...m.args, TOTAL_CAP + 1, input.offset),
    );
    return page(forViewer(items, viewer), input.offset, counted, understood);
  }

  const where = [...filters];
  if (understood?.kind === 'case_number') {
    where.push({
      sql: '(c.case_number = ? OR (c.case_number >= ? AND c.case_number < ?))',
      args: [understood.exact ?? '', understood.prefix.toUpperCase(), `${understood.prefix.toUpperCase()}~`],
    });
  } else if (m) {
    where.push({ sql: `c.id IN (SELECT case_id FROM (${m.sql}))`, args: m.args });
  }
  const whereSql = where.length === 0 ? '' : `WHERE ${where.map((w) => w.sql).join(' AND ')}`;
  const args = where.flatMap((w) => w.args);
  // Two steps: the page's ids from the narrow list indexes (cases_list_*: every filter and order
  // column, never the case rows with their intake), then the rows of those ids only; in one
  // query SQLite would build every matching row (names, persons count) before sorting.
  const principal = (input.sort ?? 'updated') === 'name' ? 'CROSS JOIN persons p ON p.case_id = c.id AND p.position = 0' : '';
  const ids = caseIds.parse(sqlite.prepare(`SELECT c.id FROM cases c ${principal} ${whereSql} ORDER BY ${orderBy(input)} LIMIT ? OFFSET ?`).pluck().all(...args, input.limit, input.offset));
  const items = summariesInOrder(sqlite, ids);
  const counted = count.parse(sqlite.prepare(`SELECT count(*) FROM (SELECT 1 FROM cases c ${whereSql} LIMIT ? OFFSET ?)`).pluck().get(...args, TOTAL_CAP + 1, input.offset));
  return page(forViewer(items, viewer), input.offset, counted, understood);
}

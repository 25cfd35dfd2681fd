import { z } from 'zod';
import { stageDetails } from '../../../shared/schema/stages';
import type { Sqlite } from '../db/open';

/**
 * The disposal of one case's personal data, inside the caller's transaction. What goes: the
 * persons' names (both spellings), dates of birth, UCIs and search text; the intake (all but the
 * country of return); drafts; generated documents with their print log; scans' bytes and file
 * names; the pairs recorded as not the same person; appointments' reasons; every free text of
 * decisions, reviews, consents and stages; the decisions' facts and the texts and traces of their
 * results. What stays is what the reports read (electron/core/reports/load.ts) and identifies
 * nobody: the case row's dates, status and country of return, each person's row (relationship,
 * nationality: the reports count persons and the principal's nationality), the decisions' outcome,
 * reason codes, tiers and amounts, the stage entries' dates and figures, the consent's dates, the
 * scans' kinds, and whether a withdrawal or a stage gave a reason (a placeholder says so).
 *
 * Two rows stay as husks because the reports read them: a consent row (its dates) keeps the
 * consent form it names (foreign key), emptied of its PDF and render input; a scan keeps its kind
 * and date (the reports' missing-scan check), without bytes or name.
 */

/** Where a text was written and the reports count only that it was: not what it said. */
export const DISPOSED_TEXT = '[disposed]';

const storedDetails = z.union([stageDetails, z.object({ action: z.literal('correctStage') }).strict()]);
type StoredDetails = z.infer<typeof storedDetails>;

/** A stage's facts without the texts and references that could identify someone (the reports' figures kept). */
export function reduceStage(s: StoredDetails): StoredDetails {
  const said = (t: string) => (t.trim() === '' ? '' : DISPOSED_TEXT);
  const a: StoredDetails['action'] = s.action;
  switch (s.action) {
    case 'acknowledge':
      return { action: 'acknowledge', iomReference: DISPOSED_TEXT };
    case 'recordTravelDocument':
      return { action: 'recordTravelDocument', outcome: s.outcome, documents: [], reason: said(s.reason) };
    case 'bookFlight':
      return { action: 'bookFlight', flightDate: s.flightDate, departureAirport: s.departureAirport, itineraryReference: DISPOSED_TEXT };
    case 'confirmDeparture':
      return { action: 'confirmDeparture', place: DISPOSED_TEXT };
    case 'noShow':
      return { action: 'noShow', reason: DISPOSED_TEXT };
    case 'recordFollowUp':
      return { action: 'recordFollowUp', notes: DISPOSED_TEXT };
    case 'iomDecline':
      return { action: 'iomDecline', reason: DISPOSED_TEXT };
    case 'recordAssistance':
    case 'counsel':
    case 'confirmArrival':
    case 'agreePlan':
    case 'close':
    case 'correctStage':
      return s;
    default:
      return unreachable(s, a);
  }
}

function unreachable(_s: never, action: string): never {
  throw new Error(`retention: a stage of unknown kind ${action}`);
}

/** A reason code list as the reports read it (`$.reasons[*].code`), without the texts and traces. */
const codesOnly = (json: string, path: string) => `(SELECT json_group_array(json_object('code', json_extract(r.value, '$.code'))) FROM json_each(${json}, '${path}') r)`;

/** The rules' result reduced to what electron/core/reports/load.ts EXTRACT reads, same paths. */
const REDUCED_RESULT = `json_object(
  'outcome', json_extract(result, '$.outcome'),
  'reasons', ${codesOnly('result', '$.reasons')},
  'persons', (SELECT json_group_array(json_object(
       'id', json_extract(p.value, '$.id'),
       'outcome', json_extract(p.value, '$.outcome'),
       'assistance', json_object('tier', json_extract(p.value, '$.assistance.tier'), 'maxAmountCad', json_extract(p.value, '$.assistance.maxAmountCad')),
       'missing', json(json_extract(p.value, '$.missing')),
       'reasons', ${codesOnly('p.value', '$.reasons')}))
     FROM json_each(result, '$.persons') p))`;

/** A free text column kept only as "one was written". */
const said = (col: string) => `CASE WHEN length(trim(coalesce(${col}, ''))) > 0 THEN '${DISPOSED_TEXT}' ELSE ${col} END`;

const STATEMENTS = {
  notSamePerson: `DELETE FROM not_same_person WHERE case_id = :caseId
    OR person_a IN (SELECT id FROM persons WHERE case_id = :caseId) OR person_b IN (SELECT id FROM persons WHERE case_id = :caseId)`,
  persons: `UPDATE persons SET name_as_written = '', name_latin = '', date_of_birth = '', uci = NULL, search_text = '' WHERE case_id = :caseId`,
  drafts: `DELETE FROM drafts WHERE case_id = :caseId`,
  printLog: `DELETE FROM print_log WHERE document_id IN (SELECT id FROM documents WHERE case_id = :caseId)`,
  documents: `DELETE FROM documents WHERE case_id = :caseId AND id NOT IN (SELECT document_id FROM consents WHERE case_id = :caseId)`,
  // Superseded too: the register never offers it for printing as current.
  consentForms: `UPDATE documents SET pdf = x'', input = '{}', person_ids = NULL, content_hash = NULL, superseded_at = coalesce(superseded_at, :at) WHERE case_id = :caseId`,
  consents: `UPDATE consents SET signers = '[]' WHERE case_id = :caseId`,
  attachments: `UPDATE attachments SET bytes = x'', file_name = '', size = 0, sha256 = '' WHERE case_id = :caseId`,
  appointments: `UPDATE appointments SET reason = NULL WHERE case_id = :caseId`,
  decisions: `UPDATE decisions SET facts = '{}', result = ${REDUCED_RESULT},
    override_reason = ${said('override_reason')}, reopen_reason = ${said('reopen_reason')},
    review = CASE WHEN review IS NULL THEN NULL ELSE json_set(review, '$.reason', '${DISPOSED_TEXT}') END
    WHERE case_id = :caseId`,
  stageRows: `SELECT id, details, reason FROM case_stages WHERE case_id = :caseId`,
  stage: `UPDATE case_stages SET details = :details, reason = :reason WHERE id = :id`,
  // The version moves so the reports' cache reads the case again (its persons' names are gone).
  caseRow: `UPDATE cases SET intake = json_object('travel', json_object('countryOfReturn', json_extract(intake, '$.travel.countryOfReturn'))),
    withdrawal_reason = ${said('withdrawal_reason')}, attention_on = NULL, task_facts = NULL,
    version = version + 1, updated_at = :at, updated_by = :by, disposed_at = :at, disposed_by = :by, disposal_reason = :reason
    WHERE id = :caseId AND disposed_at IS NULL`,
} as const;

const stageRow = z.object({ id: z.string(), details: z.string(), reason: z.string().nullable() });

export interface Disposal {
  caseId: string;
  /** The supervisor who approved it, and when (UTC instant). */
  by: string;
  at: string;
  reason: string;
}

/** Dispose of one case's personal data (the caller checked it is past its period and holds the transaction). */
export function disposeCase(sqlite: Sqlite, d: Disposal): void {
  if (!sqlite.inTransaction) throw new Error('retention: disposal outside a transaction');
  const caseId = { caseId: d.caseId };
  // Before the persons lose nothing: the pairs are found by the persons' ids, which stay.
  sqlite.prepare(STATEMENTS.notSamePerson).run(caseId);
  sqlite.prepare(STATEMENTS.persons).run(caseId);
  sqlite.prepare(STATEMENTS.drafts).run(caseId);
  sqlite.prepare(STATEMENTS.printLog).run(caseId);
  sqlite.prepare(STATEMENTS.documents).run(caseId);
  sqlite.prepare(STATEMENTS.consentForms).run({ ...caseId, at: d.at });
  sqlite.prepare(STATEMENTS.consents).run(caseId);
  sqlite.prepare(STATEMENTS.attachments).run(caseId);
  sqlite.prepare(STATEMENTS.appointments).run(caseId);
  sqlite.prepare(STATEMENTS.decisions).run(caseId);
  // The row marked first: the stage history accepts its one reduction only for a disposed case (migration 0020).
  const changed = sqlite.prepare(STATEMENTS.caseRow).run({ ...caseId, at: d.at, by: d.by, reason: d.reason }).changes;
  if (changed !== 1) throw new Error(`retention: case ${d.caseId} was not disposed of`);
  const update = sqlite.prepare(STATEMENTS.stage);
  for (const raw of sqlite.prepare(STATEMENTS.stageRows).all(caseId)) {
    const r = stageRow.parse(raw);
    const details = reduceStage(storedDetails.parse(JSON.parse(r.details)));
    update.run({ id: r.id, details: JSON.stringify(details), reason: r.reason === null || r.reason.trim() === '' ? r.reason : DISPOSED_TEXT });
  }
}

/**
 * After the transaction: no copy of what was removed may survive in the file. `secure_delete`
 * (on for every encrypted connection) already zeroed what was deleted in place; the search index
 * merges away its deleted entries (fts5 keeps them until a merge) and the WAL is written back and
 * emptied. `vacuum` also rebuilds the file from the live rows (compacting it): not done in the
 * supervisor's call, since at 50,000 cases it holds the workstation for about a minute and 1 GB of
 * memory (tests/bench/retention.bench.ts) for nothing the zeroing has not already done; the
 * canary test decrypts every page of the file and its WAL after a disposal without it.
 * Returns whether the WAL could be emptied (another process reading holds it) and the times.
 */
export function scrubFreedPages(sqlite: Sqlite, opts: { vacuum?: boolean } = {}): { walEmptied: boolean; ms: { searchIndex: number; checkpoint: number; vacuum: number } } {
  const t0 = performance.now();
  sqlite.prepare(`INSERT INTO persons_fts(persons_fts) VALUES ('optimize')`).run();
  const t1 = performance.now();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const t2 = performance.now();
  if (opts.vacuum) sqlite.exec('VACUUM');
  const r = z.array(z.object({ busy: z.number() })).parse(sqlite.pragma('wal_checkpoint(TRUNCATE)'));
  const t3 = performance.now();
  return { walEmptied: r[0]?.busy === 0, ms: { searchIndex: Math.round(t1 - t0), checkpoint: Math.round(t2 - t1), vacuum: Math.round(t3 - t2) } };
}

/**
 * Run `fn` with `secure_delete` on (deleted content overwritten with zeros), then as it was.
 * SQLite3MultipleCiphers already turns it on for every encrypted connection (the disposal test
 * checks it), so on the app's database this only states the requirement where it matters; the
 * plain comparison database of the benchmarks has it off.
 */
export function withSecureDelete<T>(sqlite: Sqlite, fn: () => T): T {
  const before = z.number().parse(sqlite.pragma('secure_delete', { simple: true }));
  sqlite.pragma('secure_delete = ON');
  try {
    return fn();
  } finally {
    sqlite.pragma(`secure_delete = ${before}`);
  }
}

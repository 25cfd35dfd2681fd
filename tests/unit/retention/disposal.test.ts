import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/core/reports/service';
import type { Report } from '../../../shared/reports/report';
import type { DisposalResult, RetentionView } from '../../../shared/schema/data-safety';
import type { IpcResult } from '../../../shared/ipc/errors';
import { intakeWith, makeCore, SUPERVISOR, SUPERVISOR_LOGIN } from '../core/helpers';
import type { TestCore } from '../core/helpers';
import { canaryStrings, found, openDirectly, plaintextBytes, writeOldHistory } from './fixture';
import type { History } from './fixture';

/**
 * Issue 14 point 4, through the real channels: the supervisor disposes of cases past their
 * retention period; their persons' names leave the database file (canary scan of a decrypted
 * copy), every report number stays the same, and the audit trail still verifies.
 */

let t: TestCore;
let history: History;

beforeEach(async () => {
  t = makeCore();
  await t.ok('auth.setup', SUPERVISOR);
  history = await writeOldHistory(t);
  await t.ok('auth.signIn', SUPERVISOR_LOGIN);
});
afterEach(() => {
  t.dispose();
});

const QUERIES = [
  { basis: 'application', from: '2020-01-01', to: '2026-11-21' },
  { basis: 'event', from: '2020-01-01', to: '2026-11-21' },
  { basis: 'event', from: '2023-04-01', to: '2024-03-31' },
] as const;

/** A report without the instant it was made. */
const numbers = (r: Report) => ({ ...r, generatedAt: null });

async function reportsViaChannel(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const q of QUERIES) out.push(numbers(await t.ok<Report>('report.get', q)));
  return out;
}

/** The same reports from a fresh connection (no cached facts: every case read again from its rows). */
async function reportsFresh(): Promise<unknown[]> {
  const open = await openDirectly(t);
  try {
    const env = { today: '2026-11-21', timeZone: 'America/Toronto', now: t.clock.now };
    return QUERIES.map((q) => numbers(buildReport(open, { ...q }, env)));
  } finally {
    open.close();
  }
}

function refusedKey(r: IpcResult<unknown>): string | undefined {
  return r.ok ? undefined : r.error.messageKey;
}

describe('disposal of cases past their retention period', () => {
  it('lists the old cases oldest first, and not the canary case twice nor any case used within the period', async () => {
    const view = await t.ok<RetentionView>('retention.get', {});
    expect(view.years).toBe(2);
    expect(view.sourceKey).toBe('retention.source');
    expect(view.candidates.length).toBe(60);
    expect(view.candidates.map((c) => c.lastUseOn)).toEqual([...view.candidates.map((c) => c.lastUseOn)].sort());
    expect(view.candidates.every((c) => c.disposableOn <= '2026-11-21' && c.lastUseOn <= '2024-06-01')).toBe(true);
    expect(view.disposedCount).toBe(0);
  });

  it('removes the personal data, keeps every report number, leaves no byte of the names in the file, and the audit trail verifies', async () => {
    const before = await plaintextBytes(t);
    // The scan can fail: before the disposal it finds every canary string in the decrypted copy.
    expect(found(before, canaryStrings)).toEqual(canaryStrings);
    const reportsBefore = await reportsViaChannel();
    const freshBefore = await reportsFresh();
    expect(freshBefore).toEqual(reportsBefore);

    const view = await t.ok<RetentionView>('retention.get', {});
    // The canary case and a dozen others of every kind of status.
    const chosen = [history.canaryCaseId, ...view.candidates.filter((c) => c.caseId !== history.canaryCaseId).slice(0, 12).map((c) => c.caseId)];
    const result = await t.ok<DisposalResult>('retention.dispose', { caseIds: chosen, reason: 'Retention period over: annual review 2026' });
    expect(result.disposed).toEqual(chosen);

    // Every report number is the same, through the channel (its cache follows the new versions) and read afresh.
    expect(await reportsViaChannel()).toEqual(reportsBefore);
    expect(await reportsFresh()).toEqual(reportsBefore);

    const after = await plaintextBytes(t);
    expect(found(after, canaryStrings)).toEqual([]);

    const open = await openDirectly(t);
    try {
      const s = open.sqlite;
      // SQLite3MultipleCiphers turns secure_delete on for every encrypted connection: deleted content is zeroed in place.
      expect(s.pragma('secure_delete', { simple: true })).toBe(1);
      expect(s.prepare(`SELECT name_as_written || name_latin || date_of_birth || coalesce(uci, '') || search_text AS kept FROM persons WHERE case_id = ?`).pluck().all(history.canaryCaseId)).toEqual(
        history.canaryPersonIds.map(() => ''),
      );
      // The search index holds no trigram of the names any more.
      s.exec(`CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, persons_fts, 'row')`);
      expect(s.prepare(`SELECT term FROM temp.fts_terms WHERE term IN ('zyx', 'yxw', 'xwq', 'wqc', 'qvp', 'vpx', 'pxc')`).pluck().all()).toEqual([]);
      for (const table of ['drafts', 'print_log', 'not_same_person']) {
        const where = table === 'print_log' ? `document_id IN (SELECT id FROM documents WHERE case_id = ?)` : 'case_id = ?';
        expect(s.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get(history.canaryCaseId), table).toBe(0);
      }
      // Only the consent form a kept consent names stays, empty; the scan keeps its kind only.
      expect(s.prepare(`SELECT type, length(pdf) AS bytes, input FROM documents WHERE case_id = ?`).all(history.canaryCaseId)).toEqual([{ type: 'consent_form', bytes: 0, input: '{}' }]);
      expect(s.prepare(`SELECT kind, file_name AS name, length(bytes) AS bytes FROM attachments WHERE case_id = ?`).all(history.canaryCaseId)).toEqual([{ kind: 'other', name: '', bytes: 0 }]);
      expect(s.prepare(`SELECT reason FROM appointments WHERE case_id = ?`).pluck().all(history.canaryCaseId)).toEqual([null]);
      expect(s.prepare(`SELECT disposed_by AS by, disposal_reason AS reason, disposed_at IS NOT NULL AS marked FROM cases WHERE id = ?`).get(history.canaryCaseId)).toEqual({
        by: history.userId,
        reason: 'Retention period over: annual review 2026',
        marked: 1,
      });
      // One audit entry per case, naming its number, by the supervisor who approved; no reason text in the trail.
      const entries = s.prepare(`SELECT case_id AS caseId, username, detail FROM audit_log WHERE action = 'retention.disposeCase' ORDER BY seq`).all();
      const numbersById = new Map(s.prepare('SELECT id, case_number FROM cases').raw().all().map((r) => (Array.isArray(r) ? [String(r[0]), String(r[1])] : ['', ''])));
      expect(entries).toEqual(chosen.map((id) => ({ caseId: id, username: SUPERVISOR.username, detail: `case=${numbersById.get(id)}` })));
      expect(s.prepare(`SELECT count(*) FROM audit_log WHERE detail LIKE '%annual%'`).pluck().get()).toBe(0);
    } finally {
      open.close();
    }

    const verified = await t.ok<{ ok: boolean }>('audit.verify', {});
    expect(verified.ok).toBe(true);

    // The list no longer offers them; search finds no name; the case itself says it was disposed of.
    const later = await t.ok<RetentionView>('retention.get', {});
    expect(later.disposedCount).toBe(chosen.length);
    expect(later.candidates.map((c) => c.caseId)).not.toContain(history.canaryCaseId);
    const page = await t.ok<{ total: number }>('case.list', { query: 'Zyxwqcanary' });
    expect(page.total).toBe(0);
    // The other screens still answer: the Cases list (the disposed case without a name), Today, the day's appointments, its documents.
    const all = await t.ok<{ total: number; items: { id: string }[] }>('case.list', { sort: 'updated', dir: 'desc', limit: 100 });
    expect(all.total).toBeGreaterThanOrEqual(60);
    expect(all.items.some((r) => r.id === history.canaryCaseId)).toBe(true);
    await t.ok('today.summary', {});
    await t.ok('today.tasks', {});
    await t.ok('appointment.day', { date: '2024-02-02' });
    expect(await t.ok<unknown[]>('document.list', { caseId: history.canaryCaseId })).toHaveLength(1);
    expect(refusedKey(await t.call('case.get', { caseId: history.canaryCaseId }))).toBe('retention.case_disposed');
    expect(refusedKey(await t.call('case.overview', { caseId: history.canaryCaseId }))).toBe('retention.case_disposed');
  });

  it('refuses a case already disposed of, or not past its period, and changes nothing', async () => {
    const view = await t.ok<RetentionView>('retention.get', {});
    const [first, second] = view.candidates;
    if (!first || !second) throw new Error('no candidates');
    await t.ok('retention.dispose', { caseIds: [first.caseId], reason: 'Retention period over' });

    // A case created today is not past its period.
    const fresh = await t.ok<{ id: string }>('case.create', { intake: intakeWith({ nameAsWritten: 'Amara Diallo', nameLatin: 'Amara Diallo', dateOfBirth: '1984-03-07', nationality: 'GIN' }) });
    const countRows = async () => {
      const open = await openDirectly(t);
      try {
        return open.sqlite.prepare(`SELECT (SELECT count(*) FROM cases WHERE disposed_at IS NOT NULL) AS disposed, (SELECT total(version) FROM cases) AS versions, (SELECT count(*) FROM persons WHERE name_latin <> '') AS named`).get();
      } finally {
        open.close();
      }
    };
    const rowsBefore = await countRows();

    const again = await t.call('retention.dispose', { caseIds: [second.caseId, first.caseId], reason: 'Retention period over' });
    expect(again.ok).toBe(false);
    expect(again.ok ? null : again.error).toMatchObject({ code: 'rejected', messageKey: 'retention.already_disposed', params: { caseNumber: first.caseNumber } });

    const young = await t.call('retention.dispose', { caseIds: [second.caseId, fresh.id], reason: 'Retention period over' });
    expect(young.ok ? null : young.error).toMatchObject({ code: 'rejected', messageKey: 'retention.not_yet_disposable' });

    const none = await t.call('retention.dispose', { caseIds: [], reason: 'Retention period over' });
    expect(none.ok ? null : none.error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['caseIds'], messageKey: 'validation.none_chosen' }] });

    expect(await countRows()).toEqual(rowsBefore);
    // Changing the disposed case is refused with the same clear message.
    expect(refusedKey(await t.call('case.withdraw', { caseId: first.caseId, baseVersion: 2, date: '2026-11-21' }))).toBe('retention.case_disposed');
  });

  it('sets the retention period (two years at least), audited with its value; a longer period shortens the list', async () => {
    const short = await t.call('retention.setYears', { years: 1 });
    expect(short.ok ? null : short.error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['years'] }] });
    const longer = await t.ok<RetentionView>('retention.setYears', { years: 3 });
    expect(longer.years).toBe(3);
    expect(longer.candidates.every((c) => c.disposableOn <= '2026-11-21')).toBe(true);
    expect(longer.candidates.length).toBeLessThan(60);
    expect((await t.ok<RetentionView>('retention.get', {})).years).toBe(3);
    const open = await openDirectly(t);
    try {
      expect(open.sqlite.prepare(`SELECT outcome, detail FROM audit_log WHERE action = 'retention.setYears' ORDER BY seq`).all()).toEqual([{ outcome: 'ok', detail: 'years=3' }]);
    } finally {
      open.close();
    }
  });
});

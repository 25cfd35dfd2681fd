import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import type { OpenDatabase } from '../../../electron/core/db/open';
import { disposableOn, disposalCandidates, LAST_USE_SQL, lastUses } from '../../../electron/core/retention/last-use';
import { makeDataDir, randomKey, removeDataDir } from '../db/helpers';

/**
 * A case's last administrative use is the latest of its decisions (decided, reviewed, reopened),
 * stage entries, documents, consent and withdrawal; a draft with none was last used when last
 * updated. Each is an office date (Toronto): 03:00 UTC on 1 January is still 31 December there.
 */

const TZ = 'America/Toronto';
const USER = '00000000-0000-4000-8000-000000000001';
let dir: string;
let open: OpenDatabase;
let n = 0;

beforeEach(() => {
  dir = makeDataDir('retention-last-use');
  open = openEncryptedDatabase(join(dir, 'avrr.db'), randomKey());
});
afterEach(() => {
  open.close();
  removeDataDir(dir);
});

function addCase(updatedAt: string, extra: { withdrawnAt?: string; disposedAt?: string } = {}): string {
  const id = randomUUID();
  n += 1;
  open.sqlite
    .prepare(`INSERT INTO cases (id, case_number, status, channel, created_at, updated_at, application_date, withdrawn_at, disposed_at) VALUES (?, ?, 'draft', 'walk_in', ?, ?, '2020-01-01', ?, ?)`)
    .run(id, `AVRR-2020-${String(n).padStart(6, '0')}`, '2020-01-01T15:00:00.000Z', updatedAt, extra.withdrawnAt ?? null, extra.disposedAt ?? null);
  return id;
}

function addDecision(caseId: string, decidedAt: string, reviewedAt: string | null = null, reopenedAt: string | null = null): void {
  open.sqlite
    .prepare(`INSERT INTO decisions (id, case_id, outcome, policy_version, facts, result, decided_at, decided_by, reviewed_at, reopened_at) VALUES (?, ?, 'eligible', 'p', '{}', '{}', ?, ?, ?, ?)`)
    .run(randomUUID(), caseId, decidedAt, USER, reviewedAt, reopenedAt);
}

const useOf = (id: string) => lastUses(open.sqlite, TZ).find((u) => u.caseId === id)?.lastUseOn;
const LATER_UPDATE = '2025-06-01T15:00:00.000Z';

describe('last administrative use', () => {
  it('a draft never decided: its last update, as an office date', () => {
    const id = addCase('2021-01-01T03:00:00.000Z');
    expect(useOf(id)).toBe('2020-12-31');
  });

  it('in an office east of Greenwich, an evening instant is already the next day', () => {
    const id = addCase('2021-01-01T20:00:00.000Z');
    const late = addCase('2021-01-01T18:29:00.000Z');
    const uses = new Map(lastUses(open.sqlite, 'Asia/Kolkata').map((u) => [u.caseId, u.lastUseOn]));
    expect([uses.get(id), uses.get(late)]).toEqual(['2021-01-02', '2021-01-01']);
  });

  it('the latest of decided, reviewed and reopened (a later update of the row does not count)', () => {
    const decided = addCase(LATER_UPDATE);
    addDecision(decided, '2021-03-01T15:00:00.000Z');
    const reviewed = addCase(LATER_UPDATE);
    addDecision(reviewed, '2021-03-01T15:00:00.000Z', '2021-04-02T15:00:00.000Z');
    const reopened = addCase(LATER_UPDATE);
    addDecision(reopened, '2021-03-01T15:00:00.000Z', '2021-04-02T15:00:00.000Z', '2021-05-03T15:00:00.000Z');
    addDecision(reopened, '2021-05-04T15:00:00.000Z');
    expect([useOf(decided), useOf(reviewed), useOf(reopened)]).toEqual(['2021-03-01', '2021-04-02', '2021-05-04']);
  });

  it('a stage entry recorded (closure is one), a document generated, a consent recorded', () => {
    const staged = addCase(LATER_UPDATE);
    addDecision(staged, '2021-03-01T15:00:00.000Z');
    open.sqlite
      .prepare(`INSERT INTO case_stages (id, case_id, seq, action, occurred_on, source, details, status_before, status_after, recorded_at, recorded_by) VALUES (?, ?, 1, 'close', '2022-02-01', 'iom_email', '{"action":"close"}', 'reintegration', 'closed', ?, ?)`)
      .run(randomUUID(), staged, '2022-02-02T15:00:00.000Z', USER);
    const documented = addCase(LATER_UPDATE);
    open.sqlite
      .prepare(`INSERT INTO documents (id, number, type, case_id, version, sha256, input, pdf, signed, generated_at, generated_by) VALUES (?, 'D-1', 'referral_packet', ?, 1, 'x', '{}', x'00', 0, ?, ?)`)
      .run(randomUUID(), documented, '2022-03-03T15:00:00.000Z', USER);
    const consented = addCase(LATER_UPDATE);
    const form = randomUUID();
    open.sqlite
      .prepare(`INSERT INTO documents (id, number, type, case_id, version, sha256, input, pdf, signed, generated_at, generated_by) VALUES (?, 'D-2', 'consent_form', ?, 1, 'x', '{}', x'00', 0, ?, ?)`)
      .run(form, consented, '2022-04-01T15:00:00.000Z', USER);
    open.sqlite.prepare(`INSERT INTO consents (id, case_id, document_id, signed_on, signers, recorded_at, recorded_by) VALUES (?, ?, ?, '2022-04-04', '[]', ?, ?)`).run(randomUUID(), consented, form, '2022-04-05T15:00:00.000Z', USER);
    expect([useOf(staged), useOf(documented), useOf(consented)]).toEqual(['2022-02-02', '2022-03-03', '2022-04-05']);
  });

  it('a withdrawal (the office date the officer gave) when it is the latest', () => {
    const id = addCase(LATER_UPDATE, { withdrawnAt: '2022-07-07' });
    addDecision(id, '2022-07-01T15:00:00.000Z');
    expect(useOf(id)).toBe('2022-07-07');
  });

  it('lists the cases past the period on today, oldest use first, never one already disposed of', () => {
    const old = addCase('2021-01-10T15:00:00.000Z');
    const older = addCase('2020-06-10T15:00:00.000Z');
    addCase('2020-01-10T15:00:00.000Z', { disposedAt: '2023-01-01T15:00:00.000Z' });
    const young = addCase('2022-01-11T15:00:00.000Z');
    const listed = disposalCandidates(open.sqlite, TZ, 2, '2024-01-10');
    expect(listed.map((c) => c.caseId)).toEqual([older, old]);
    expect(listed[1]).toMatchObject({ lastUseOn: '2021-01-10', disposableOn: '2023-01-10', status: 'draft' });
    expect(disposalCandidates(open.sqlite, TZ, 2, '2024-01-11').map((c) => c.caseId)).toEqual([older, old, young]);
    expect(disposalCandidates(open.sqlite, TZ, 3, '2024-01-09').map((c) => c.caseId)).toEqual([older]);
  });

  it('the period is whole years: 29 February is disposable on 1 March, never earlier', () => {
    expect(disposableOn('2024-02-29', 2)).toBe('2026-03-01');
    expect(disposableOn('2024-02-29', 4)).toBe('2028-02-29');
    expect(disposableOn('2023-12-31', 2)).toBe('2025-12-31');
  });

  it('reads every source from an index, never a case or decision row (50,000 cases in about 0.2 s, tests/bench/retention.bench.ts)', () => {
    const plan = open.sqlite.prepare(`EXPLAIN QUERY PLAN ${LAST_USE_SQL}`).all().map((r) => (typeof r === 'object' && r !== null && 'detail' in r ? String(r.detail) : ''));
    const scans = plan.filter((d) => d.startsWith('SCAN') && !d.startsWith('SCAN (subquery'));
    expect(scans).toEqual([
      'SCAN decisions USING COVERING INDEX decisions_case_use',
      'SCAN case_stages USING COVERING INDEX case_stages_case_recorded',
      'SCAN documents USING COVERING INDEX documents_case_type_at',
      'SCAN consents USING INDEX consents_case',
      'SCAN c USING COVERING INDEX cases_retention',
    ]);
  });
});

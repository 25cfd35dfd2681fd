import { describe, expect, it } from 'vitest';
import { auditRowsToCsv, csvCell } from '../../../electron/core/audit/csv';
import type { AuditRow } from '../../../electron/core/audit/entry';
import { readAllAuditRows, readAuditRows } from '../../../electron/core/audit/read';
import { appendMany, freshDb, sampleEntry } from './helpers';

describe('readAuditRows', () => {
  it('filters by user, user name, action (exact or area), case, outcome and time; pages newest first', () => {
    const f = freshDb();
    appendMany(f, 60);
    const all = readAllAuditRows(f.open.sqlite);
    const e5 = sampleEntry(5);

    const byUser = readAuditRows(f.open.sqlite, { userId: e5.userId ?? undefined, limit: 1000 });
    expect(byUser.total).toBe(all.filter((r) => r.userId === e5.userId).length);
    expect(byUser.rows.every((r) => r.userId === e5.userId)).toBe(true);

    expect(readAuditRows(f.open.sqlite, { username: 'ÉLOÏSE.Gagnon', limit: 1000 }).total).toBe(all.filter((r) => r.username === 'éloïse.gagnon').length);
    expect(readAuditRows(f.open.sqlite, { action: 'case.create' }).rows.every((r) => r.action === 'case.create')).toBe(true);
    const caseArea = readAuditRows(f.open.sqlite, { action: 'case.*', limit: 1000 });
    expect(caseArea.total).toBe(all.filter((r) => r.action.startsWith('case.')).length);
    expect(caseArea.total).toBeGreaterThan(readAuditRows(f.open.sqlite, { action: 'case.create' }).total);
    const e4 = sampleEntry(4);
    expect(e4.caseId).not.toBeNull();
    expect(readAuditRows(f.open.sqlite, { caseId: e4.caseId ?? undefined, limit: 1000 }).total).toBe(all.filter((r) => r.caseId === e4.caseId).length);
    expect(readAuditRows(f.open.sqlite, { outcome: 'denied', limit: 1000 }).total).toBe(all.filter((r) => r.outcome === 'denied').length);

    const from = sampleEntry(10).at;
    const to = sampleEntry(20).at;
    const window = readAuditRows(f.open.sqlite, { from, to, order: 'asc', limit: 1000 });
    expect(window.rows.map((r) => r.seq)).toEqual(Array.from({ length: 10 }, (_, i) => 11 + i));
    // Bounds in another offset are compared as instants.
    expect(readAuditRows(f.open.sqlite, { from: from.replace('Z', '+00:00'), to, limit: 1000 }).total).toBe(10);

    const page1 = readAuditRows(f.open.sqlite, { limit: 25 });
    const page3 = readAuditRows(f.open.sqlite, { limit: 25, offset: 50 });
    expect(page1.total).toBe(60);
    expect(page1.rows[0]?.seq).toBe(60);
    expect(page3.rows.map((r) => r.seq)).toEqual(Array.from({ length: 10 }, (_, i) => 10 - i));
  });

  it('refuses a malformed filter instead of building odd SQL', () => {
    const f = freshDb();
    expect(() => readAuditRows(f.open.sqlite, { action: "x' OR 1=1 --" })).toThrow();
    expect(() => readAuditRows(f.open.sqlite, { limit: 100_000 })).toThrow();
    expect(() => readAuditRows(f.open.sqlite, { from: 'yesterday' })).toThrow();
  });
});

describe('auditRowsToCsv', () => {
  const row: AuditRow = {
    seq: 7,
    at: '2026-03-02T13:00:00.000Z',
    userId: null,
    username: 'mlavoie',
    role: 'clerk',
    action: 'document.print',
    caseId: null,
    outcome: 'ok',
    workstation: 'CBSA-WS-0001',
    detail: null,
    mac: 'ab'.repeat(32),
  };

  it('writes a header and CRLF-terminated rows, empty cells for nulls', () => {
    expect(auditRowsToCsv([row])).toBe(
      'seq,at,user_id,username,role,action,case_id,outcome,workstation,detail,mac\r\n' +
        `7,2026-03-02T13:00:00.000Z,,mlavoie,clerk,document.print,,ok,CBSA-WS-0001,,${'ab'.repeat(32)}\r\n`,
    );
  });

  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const c of ['+1', '-1', '@SUM(A1)', '\tx']) expect(csvCell(c).startsWith(`'`)).toBe(true);
    expect(csvCell('-bob')).toBe(`'-bob`);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
  });

  it('guards every column of a hostile row (as a tampered database could hold)', () => {
    const hostile: AuditRow = { ...row, username: '=cmd|/c calc', workstation: '@x', action: '+a', mac: '-m' };
    const line = auditRowsToCsv([hostile]).split('\r\n')[1] ?? '';
    for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

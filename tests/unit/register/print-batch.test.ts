import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { DocumentInfo, PrintBatchResult, PrintLogCsv, PrintLogDay, PrintResult } from '../../../shared/schema/documents-api';
import type { AuditPageView } from '../../../shared/schema/audit';
import { familyIntake, syrianFamily } from '../../fixtures/intakes';
import { caseIn } from '../case/support';
import { makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

/**
 * The clerk's batch printing and the print log of a day (issue 13 point 11), through the real
 * core: each document of the batch is its own signed file and its own logged print; the log of
 * the office day lists what was printed, by whom, when and which print it was; the CSV carries
 * case and document numbers, never a person's name.
 */
const out = mkdtempSync(join(tmpdir(), 'avrr-batch-'));
const pdfsig = (r: PrintResult, name: string) => {
  const f = join(out, name);
  writeFileSync(f, Buffer.from(r.pdfBase64 ?? '', 'base64'));
  return execFileSync('pdfsig', [f], { encoding: 'utf8' });
};

describe('batch printing and the print log', () => {
  let t: TestCore;
  let accounts: Awaited<ReturnType<typeof withAccounts>>;
  const cases: CaseDetail[] = [];
  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
    await t.ok('auth.signIn', accounts.interview_officer);
    for (let i = 0; i < 3; i++) cases.push(await caseIn(t, 'referred', familyIntake(syrianFamily)));
  }, 60_000);
  afterAll(() => t.dispose());

  it('prints the selected queued documents one file each, logs each as printed today, skips what left the queue', async () => {
    await t.ok('auth.signIn', accounts.clerk);
    const queue = await t.ok<DocumentInfo[]>('document.printQueue', {});
    expect(queue).toHaveLength(3);
    const [a, b, c] = queue;
    // Someone prints one alone before the batch reaches it.
    await t.ok('document.print', { documentId: c!.id });

    const r = await t.ok<PrintBatchResult>('document.printBatch', { documentIds: [a!.id, b!.id, c!.id] });
    expect(r.mode).toBe('download');
    expect(r.printed.map((p) => p.filename)).toEqual([`${a!.number}.pdf`, `${b!.number}.pdf`]);
    expect(r.printed.every((p) => !p.copy)).toBe(true);
    expect(r.skipped).toEqual([{ documentId: c!.id, number: c!.number, reason: 'not_in_queue' }]);
    // Never merged: each file keeps its own valid signature.
    r.printed.forEach((p, i) => expect(pdfsig(p, `batch-${i}.pdf`)).toContain('Signature is Valid.'));
    expect(await t.ok<DocumentInfo[]>('document.printQueue', {})).toEqual([]);

    // Printing the same again prints nothing: nothing is in the queue.
    const again = await t.ok<PrintBatchResult>('document.printBatch', { documentIds: [a!.id] });
    expect(again.printed).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual(['not_in_queue']);

    // A reprint (a copy) later in the day.
    t.clock.advanceMinutes(5);
    await t.ok('document.print', { documentId: a!.id });

    // Today's log: three first prints and one copy, in order, with who printed them.
    const day = await t.ok<PrintLogDay>('document.printLog', { date: '2026-11-21' });
    expect({ prints: day.prints, reprints: day.reprints }).toEqual({ prints: 3, reprints: 1 });
    expect(day.lines.map((l) => [l.documentNumber, l.kind, l.printNumber])).toEqual([
      [c!.number, 'print', 1],
      [a!.number, 'print', 1],
      [b!.number, 'print', 1],
      [a!.number, 'reprint', 2],
    ]);
    expect(day.lines.every((l) => l.by === 'Test clerk' && l.type === 'referral_packet')).toBe(true);
    expect(day.lines.map((l) => l.caseNumber).sort()).toEqual([...cases.map((x) => x.caseNumber), a!.caseNumber].sort());
    // Another day is empty.
    expect((await t.ok<PrintLogDay>('document.printLog', { date: '2026-11-20' })).lines).toEqual([]);

    // The CSV, in French: case and document numbers, never a name or a date of birth.
    const csv = await t.ok<PrintLogCsv>('document.printLogCsv', { date: '2026-11-21', lang: 'fr' });
    expect(csv.filename).toBe('print-log-2026-11-21-fr.csv');
    const rows = csv.csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows[0]).toBe('Heure,Numéro du document,Numéro de cas,Document,Impression ou copie,Numéro d’impression,Imprimé par');
    expect(rows).toHaveLength(5);
    // 14:00 UTC is 09:00 in Toronto.
    expect(rows[1]).toBe(`2026-11-21 09:00,${c!.number},${c!.caseNumber},Dossier d’aiguillage,Première impression,1,Test clerk`);
    expect(rows[4]).toContain('Copie (réimpression),2');
    for (const p of syrianFamily) {
      expect(csv.csv).not.toContain(p.nameLatin);
      expect(csv.csv).not.toContain(p.dateOfBirth);
    }
    const en = await t.ok<PrintLogCsv>('document.printLogCsv', { date: '2026-11-21', lang: 'en' });
    expect(en.csv.split('\r\n')[0]).toBe('\uFEFFTime,Document number,Case number,Document,Print or copy,Print number,Printed by');
  });

  it('audits the batch, each print with its case, and every read of the log', async () => {
    await t.ok('auth.signIn', accounts.supervisor);
    const audit = await t.ok<AuditPageView>('audit.list', { limit: 500 });
    const actions = audit.rows.map((e) => e.action);
    expect(actions.filter((a) => a === 'document.printBatch')).toHaveLength(2);
    const perDoc = audit.rows.filter((e) => e.action === 'document.print' && e.caseId !== null);
    expect(perDoc.length).toBeGreaterThanOrEqual(3);
    expect(actions).toContain('document.printLog');
    expect(actions).toContain('document.printLogCsv');
    // Supervisors read the log too.
    expect((await t.ok<PrintLogDay>('document.printLog', { date: '2026-11-21' })).lines).toHaveLength(4);
  });

  it('is for clerks and supervisors: officers print, but do not read the log', async () => {
    await t.ok('auth.signIn', accounts.interview_officer);
    const r = await t.call('document.printLog', { date: '2026-11-21' });
    expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
    await t.ok('auth.signIn', accounts.front_counter);
    const batch = await t.call('document.printBatch', { documentIds: [cases[0]!.id] });
    expect(batch.ok ? 'ok' : batch.error.code).toBe('forbidden');
    await t.ok('auth.signIn', accounts.clerk);
    const bad = await t.call('document.printLog', { date: '2026-02-30' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid_input');
    const empty = await t.call('document.printBatch', { documentIds: [] });
    expect(empty.ok ? 'ok' : empty.error.code).toBe('invalid_input');
  });
});

describe('batch printing through the print dialog (Electron)', () => {
  it('prints one dialog after another; a cancelled dialog ends the batch and only what printed is logged', async () => {
    const dialogs: number[] = [];
    // The office printer: the first dialog prints, the second is cancelled.
    const printer = async (pdf: Uint8Array) => {
      dialogs.push(pdf.length);
      return { printed: dialogs.length === 1 };
    };
    const t = makeCore({ printer });
    try {
      const accounts = await withAccounts(t);
      await t.ok('certificate.generateSelfSigned', {});
      await t.ok('auth.signIn', accounts.interview_officer);
      await caseIn(t, 'referred', familyIntake(syrianFamily));
      await caseIn(t, 'referred', familyIntake(syrianFamily));
      await t.ok('auth.signIn', accounts.clerk);
      const queue = await t.ok<DocumentInfo[]>('document.printQueue', {});
      const r = await t.ok<PrintBatchResult>('document.printBatch', { documentIds: queue.map((d) => d.id) });
      expect(dialogs).toHaveLength(2);
      expect(r.mode).toBe('printed');
      expect(r.printed.map((p) => [p.filename, p.pdfBase64])).toEqual([[`${queue[0]!.number}.pdf`, null]]);
      // The cancelled one waits in the queue still.
      expect((await t.ok<DocumentInfo[]>('document.printQueue', {})).map((d) => d.id)).toEqual([queue[1]!.id]);
      const day = await t.ok<PrintLogDay>('document.printLog', { date: '2026-11-21' });
      expect(day.lines.map((l) => l.documentNumber)).toEqual([queue[0]!.number]);
      // Cancelled at once: nothing printed, nothing logged, said so.
      const none = await t.call('document.printBatch', { documentIds: [queue[1]!.id] });
      expect(none.ok ? 'ok' : none.error.messageKey).toBe('errors.print_cancelled');
    } finally {
      t.dispose();
    }
  }, 60_000);
});

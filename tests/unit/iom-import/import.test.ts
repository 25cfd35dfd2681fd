import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeFeed } from '../../../shared/schema/live';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { DocumentInfo } from '../../../shared/schema/documents-api';
import type { ImportApplied, ImportPreview, ImportRow } from '../../../shared/schema/iom-import';
import { caseIn, recordStage, stageOf } from '../case/support';
import { SUPERVISOR_LOGIN, makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

/**
 * The IOM status file import through the real core: a 500-row file written by a small script
 * from the hand-written rows below (each with the class and reason expected), on cases referred
 * through the real channels; then apply twice; then broken files refused whole.
 */

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
const HEADER = 'packet_number,iom_reference,stage,date,details';
const UNKNOWN = 'AVRR-2026-999999-RP-01';
const ISSUED = JSON.stringify({ documents: [{ person: 1, type: 'passport', number: 'P1234567', expiry_date: '2027-05-01' }] });
const FLIGHT = JSON.stringify({ flight_date: '2026-12-10', departure_airport: 'YYZ', itinerary_reference: 'TK-018' });

type Expect = [ImportRow['class'], ImportRow['conflict'], string | null, Record<string, string | number>?];
interface Spec {
  /** Which case's packet: F(resh), A(cknowledged), W(ithdrawn), D(eclined), U(nknown), or a literal. */
  packet: 'F' | 'A' | 'W' | 'D' | 'U' | '';
  ref: string;
  stage: string;
  date: string;
  details: string;
  expect: Expect;
}
const row = (packet: Spec['packet'], ref: string, stage: string, date: string, details: string, ...expect: Expect): Spec => ({ packet, ref, stage, date, details, expect });

/** The distinct rows, in file order: every class and every kind of conflict. */
const BASE: Spec[] = [
  row('F', 'IOM-F-1', 'acknowledged', '2026-11-22', '', 'new', null, null),
  row('F', 'IOM-F-1', 'counselling_done', '2026-11-23', '', 'new', null, null),
  row('F', '', 'travel_document_issued', '2026-11-24', ISSUED, 'new', null, null),
  row('F', '', 'flight_booked', '2026-11-25', FLIGHT, 'new', null, null),
  row('F', '', 'arrived', '2026-11-26', '', 'conflicting', 'stage_order', 'iomImport.conflict.stage_order', { status: 'flight_booked' }),
  row('F', 'IOM-OTHER', 'counselling_done', '2026-11-23', '', 'conflicting', 'reference_mismatch', 'iomImport.conflict.reference_mismatch', { reference: 'IOM-F-1' }),
  row('A', 'IOM-CA-2026-0042', 'acknowledged', '2026-11-21', '', 'known', null, null),
  row('A', '', 'counselling_done', '2026-11-20', '', 'conflicting', 'date_before_previous', 'iomImport.conflict.date_before_previous', { date: '2026-11-21' }),
  row('A', '', 'counselling_done', '2026-11-27', '', 'new', null, null),
  row('A', '', 'travel_document_issued', '2026-11-27', '{"documents":[{"person":1,"type":"passport","number":"P7","expiry_date":"2026-11-01"}]}', 'invalid', null, 'validation.document_expired'),
  row('A', '', 'travel_document_requested', '2026-11-28', '', 'new', null, null),
  row('A', '', 'travel_document_refused', '2026-11-29', '{"reason":"The embassy refused."}', 'new', null, null),
  row('A', '', 'follow_up', '2026-11-30', '{"notes":"Called."}', 'conflicting', 'stage_order', 'iomImport.conflict.stage_order', { status: 'travel_document_refused' }),
  row('W', 'IOM-W-1', 'acknowledged', '2026-11-22', '', 'conflicting', 'case_withdrawn', 'iomImport.conflict.case_withdrawn'),
  row('U', 'IOM-U-1', 'acknowledged', '2026-11-22', '', 'conflicting', 'unknown_packet', 'iomImport.conflict.unknown_packet'),
  row('D', '', 'declined', '2026-11-22', '{"reason":"Outside IOM’s mandate."}', 'new', null, null),
  row('D', 'IOM-D-1', 'acknowledged', '2026-11-23', '', 'conflicting', 'stage_order', 'iomImport.conflict.stage_order', { status: 'iom_declined' }),
  row('F', '', 'departed', '2026-11-26', '', 'invalid', null, 'iomImport.invalid.departure_by_cbsa'),
  row('F', '', 'teleported', '2026-11-26', '', 'invalid', null, 'iomImport.invalid.stage', { stage: 'teleported' }),
  row('F', '', 'counselling_done', '2026-02-30', '', 'invalid', null, 'iomImport.invalid.date'),
  row('F', '', 'flight_booked', '2026-11-26', '{bad', 'invalid', null, 'iomImport.invalid.details_json'),
  row('F', '', 'flight_booked', '2026-11-26', '{"flight_date":"2026-12-10"}', 'invalid', null, 'iomImport.invalid.details', { stage: 'flight_booked' }),
  row('F', '', 'flight_booked', '2026-11-26', '{"flight_date":"2026-11-20","departure_airport":"YYZ","itinerary_reference":"TK-1"}', 'invalid', null, 'validation.flight_before_booking'),
  row('F', '', 'travel_document_issued', '2026-11-26', '{"documents":[{"person":9,"type":"passport","number":"X1","expiry_date":"2027-01-01"}]}', 'invalid', null, 'iomImport.invalid.person', { person: 9 }),
  row('F', '', 'counselling_done', '2026-12-02', '', 'invalid', null, 'iomImport.invalid.date_in_future'),
  row('', '', 'counselling_done', '2026-11-22', '', 'invalid', null, 'iomImport.invalid.packet_number'),
  row('A', '', 'acknowledged', '2026-11-21', '', 'invalid', null, 'iomImport.invalid.reference_required'),
];
/** Rows repeated to fill the file to 500: each keeps its class however often it comes. */
const FILL: Spec[] = [
  row('A', 'IOM-CA-2026-0042', 'acknowledged', '2026-11-21', '', 'known', null, null),
  row('F', 'IOM-F-1', 'acknowledged', '2026-11-22', '', 'known', null, null),
  row('U', '', 'closed', '2026-11-30', '', 'conflicting', 'unknown_packet', 'iomImport.conflict.unknown_packet'),
  row('W', '', 'follow_up', '2026-11-30', '{"notes":"Called, \\"no answer\\", again"}', 'conflicting', 'case_withdrawn', 'iomImport.conflict.case_withdrawn'),
  row('F', '', 'boarded', '2026-11-30', '', 'invalid', null, 'iomImport.invalid.stage', { stage: 'boarded' }),
];
const SPECS: Spec[] = [...BASE, ...Array.from({ length: 500 - BASE.length }, (_, i) => FILL[i % FILL.length]!)];

/** A CSV field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

describe('IOM status file import', () => {
  let t: TestCore;
  const packets: Record<string, string> = { U: UNKNOWN, '': '' };
  const cases: Record<string, CaseDetail> = {};
  let file = '';

  const packetOf = async (c: CaseDetail) => (await t.ok<DocumentInfo[]>('document.list', { caseId: c.id })).find((d) => d.type === 'referral_packet')!.number;
  const snapshot = async () => Promise.all(Object.values(cases).map((c) => t.ok<CaseDetail>('case.get', { caseId: c.id }).then((x) => ({ v: x.version, status: x.status, stages: x.stages.map((e) => [e.seq, e.stage.action, e.occurredOn, e.source]) }))));

  beforeAll(async () => {
    t = makeCore();
    await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
    cases.F = await caseIn(t, 'referred');
    let a = await caseIn(t, 'referred');
    a = await recordStage(t, a, stageOf(a, 'acknowledge'));
    cases.A = a;
    const w = await caseIn(t, 'referred');
    cases.W = await t.ok<CaseDetail>('case.withdraw', { caseId: w.id, baseVersion: w.version, date: '2026-11-21' });
    cases.D = await caseIn(t, 'referred');
    for (const k of ['F', 'A', 'W', 'D']) packets[k] = await packetOf(cases[k]!);
    // IOM's file comes ten days later.
    t.clock.advanceMinutes(10 * 24 * 60);
    await t.ok('auth.signIn', SUPERVISOR_LOGIN);
    file = [HEADER, ...SPECS.map((s) => [packets[s.packet]!, s.ref, s.stage, s.date, s.details].map(field).join(','))].join('\r\n') + '\r\n';
  }, 120_000);
  afterAll(() => t.dispose());

  it('previews a 500-row file exactly as the hand-written rows expect, and writes nothing', async () => {
    const before = await snapshot();
    const p = await t.ok<ImportPreview>('iom.previewImport', { fileName: 'iom-status.csv', contentBase64: b64('\uFEFF' + file) });
    expect(p.rows).toHaveLength(500);
    const got = p.rows.map((r) => [r.row, r.class, r.conflict, r.reason?.key ?? null, r.reason?.params]);
    const want = SPECS.map((s, i) => [i + 1, s.expect[0], s.expect[1], s.expect[2], s.expect[3]]);
    expect(got).toEqual(want);
    const caseNumberOf = (k: string) => (k in cases ? cases[k]!.caseNumber : null);
    expect(p.rows.map((r) => r.caseNumber)).toEqual(SPECS.map((s, i) => (p.rows[i]!.class === 'invalid' && !p.rows[i]!.caseNumber ? null : caseNumberOf(s.packet))));
    const n = (cls: string) => SPECS.filter((s) => s.expect[0] === cls).length;
    expect(p.counts).toEqual({ new: n('new'), known: n('known'), conflicting: n('conflicting'), invalid: n('invalid') });
    expect(p.counts.new).toBe(8);
    expect(await snapshot()).toEqual(before);
  });

  it('applies only the confirmed rows still new, in one go; applying the same file twice changes nothing more', async () => {
    const { cursor } = await t.ok<ChangeFeed>('changes.since', { after: null });
    const p = await t.ok<ImportPreview>('iom.previewImport', { fileName: 'iom-status.csv', contentBase64: b64(file) });
    const confirmed = p.rows.filter((r) => r.class === 'new').map((r) => r.row);
    const first = await t.ok<ImportApplied>('iom.applyImport', { contentBase64: b64(file), rowNumbers: confirmed });
    expect(first.applied).toBe(8);
    // Live updates: the preview wrote nothing; the import changed each of its cases (an open case's page says so).
    const changed = (await t.ok<ChangeFeed>('changes.since', { after: cursor })).changes;
    expect(new Set(changed.map((c) => c.channel))).toEqual(new Set(['iom.applyImport']));
    expect(new Set(changed.map((c) => c.caseId))).toEqual(new Set(first.rows.filter((r) => r.applied).map((r) => r.caseId)));
    expect(first.rows.filter((r) => r.applied).map((r) => r.row)).toEqual(confirmed);
    const once = await snapshot();
    expect(once.map((c) => c.status)).toEqual(['flight_booked', 'travel_document_refused', 'withdrawn', 'iom_declined']);
    const f = await t.ok<CaseDetail>('case.get', { caseId: cases.F!.id });
    expect(new Set(f.stages.map((e) => e.source))).toEqual(new Set(['iom_file']));
    expect(f.stages.find((e) => e.stage.action === 'recordTravelDocument')?.stage).toMatchObject({ documents: [{ personId: f.intake.persons[0]!.id, number: 'P1234567' }] });

    const second = await t.ok<ImportApplied>('iom.applyImport', { contentBase64: b64(file), rowNumbers: confirmed });
    expect(second.applied).toBe(0);
    expect(second.notApplied).toBe(8);
    expect(await snapshot()).toEqual(once);
    const again = await t.ok<ImportPreview>('iom.previewImport', { fileName: 'iom-status.csv', contentBase64: b64(file) });
    expect(again.counts.new).toBe(0);
    // The rows applied are now known.
    expect(confirmed.map((r) => again.rows[r - 1]!.class)).toEqual(confirmed.map(() => 'known'));

    // One audit line per applied row.
    const audit = await t.ok<{ rows: { action: string }[]; total: number }>('audit.list', { action: 'iom.importRow' });
    expect(audit.total).toBe(8);
  });

  it('refuses a file cut mid-row, a wrong header, a broken quote, bad UTF-8 or a file over the cap, whole, and changes nothing', async () => {
    const before = await snapshot();
    const refused = async (content: string | Uint8Array) => {
      const r = await t.call('iom.applyImport', { contentBase64: b64(content), rowNumbers: [1, 2, 3] });
      return r.ok ? 'ok' : r.error.messageKey;
    };
    const fresh = await caseIn(t, 'referred');
    const packet = await packetOf(fresh);
    // (referred today, 2026-12-01)
    const whole = `${HEADER}\r\n${packet},IOM-X,acknowledged,2026-12-01,\r\n${packet},,counselling_done,2026-12-01,\r\n`;
    expect(await refused(whole.slice(0, whole.length - 12))).toBe('iomImport.file.cut_short');
    expect(await refused(`${HEADER}\r\n${packet},IOM-X,acknowledged,2026-12-01,"{""a"":\r\n`)).toBe('iomImport.file.cut_short');
    expect(await refused(whole.replace('iom_reference', 'iom_ref'))).toBe('iomImport.file.bad_header');
    expect(await refused(whole.replace('packet_number,', ''))).toBe('iomImport.file.bad_header');
    expect(await refused(whole.replace(',IOM-X,', ',IOM"X,'))).toBe('iomImport.file.bad_quote');
    expect(await refused(whole.replace(',IOM-X,', ',IOM-X,extra,'))).toBe('iomImport.file.field_count');
    expect(await refused(new Uint8Array([...Buffer.from(whole), 0xc3, 0x28, 0x0a]))).toBe('iomImport.file.not_utf8');
    expect(await refused(HEADER + '\r\n')).toBe('iomImport.file.no_rows');
    expect(await refused(new Uint8Array(10 * 1024 * 1024).fill(0x41))).toBe('iomImport.file.too_large');
    expect((await t.ok<CaseDetail>('case.get', { caseId: fresh.id })).stages).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // The whole file itself is fine.
    expect((await t.ok<ImportApplied>('iom.applyImport', { contentBase64: b64(whole), rowNumbers: [1, 2] })).applied).toBe(2);
  }, 60_000);

  it('is refused to a role without stage.record', async () => {
    await t.ok('auth.signIn', { username: 'user.clerk', password: 'another unrelated passphrase 5' });
    const r = await t.call('iom.previewImport', { fileName: 'x.csv', contentBase64: b64(`${HEADER}\r\n`) });
    expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
  });
});

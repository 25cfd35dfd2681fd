import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { DocumentInfo, PrintResult } from '../../../shared/schema/documents-api';
import { familyIntake, syrianFamily } from '../../fixtures/intakes';
import { ATTACHMENT_KIND, LABELS, REFERRAL } from '../../../resources/forms/documents-text';
import { jpegBytes, pdfWith } from '../attachments/fixtures';
import { makeCore, SUPERVISOR_LOGIN, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

const out = mkdtempSync(join(tmpdir(), 'avrr-register-'));
function pdfFile(name: string, r: PrintResult): string {
  const f = join(out, name);
  writeFileSync(f, Buffer.from(r.pdfBase64 ?? '', 'base64'));
  return f;
}
const pdfsig = (f: string) => execFileSync('pdfsig', [f], { encoding: 'utf8' });
const pdftotext = (f: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }).normalize('NFKC');

async function decidedCase(t: TestCore, people = syrianFamily): Promise<CaseDetail> {
  const created = await t.ok<CaseDetail>('case.create', { intake: familyIntake(people) });
  return t.ok<CaseDetail>('case.decide', { caseId: created.id, baseVersion: created.version });
}

describe('documents for IOM through the core', () => {
  let t: TestCore;
  let accounts: Awaited<ReturnType<typeof withAccounts>>;
  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
  });
  afterAll(() => t.dispose());

  it('consent before referral is enforced by the back end; the signed packet verifies and carries every name', async () => {
    await t.ok('auth.signIn', accounts.interview_officer);
    let c = await decidedCase(t);
    expect(c.decision?.outcome).toBe('eligible');

    const early = await t.call('referral.create', { caseId: c.id, baseVersion: c.version });
    expect(early.ok ? 'ok' : early.error.messageKey).toBe('lifecycle.refused.consent_first');

    const form = await t.ok<DocumentInfo>('consent.generateForm', { caseId: c.id, baseVersion: c.version });
    expect(form.type).toBe('consent_form');
    const [adult1, adult2, child] = c.intake.persons;
    // A minor cannot sign for herself.
    const bad = await t.call('consent.record', {
      caseId: c.id, baseVersion: c.version, documentId: form.id, signedOn: '2026-11-20',
      signers: [{ personId: adult1!.id, signedBy: 'self' }, { personId: adult2!.id, signedBy: 'self' }, { personId: child!.id, signedBy: 'self' }],
    });
    expect(bad.ok ? 'ok' : bad.error.issues?.map((i) => i.messageKey)).toEqual(['validation.minor_needs_guardian']);
    c = await t.ok<CaseDetail>('consent.record', {
      caseId: c.id, baseVersion: c.version, documentId: form.id, signedOn: '2026-11-20',
      signers: [{ personId: adult1!.id, signedBy: 'self' }, { personId: adult2!.id, signedBy: 'self' }, { personId: child!.id, signedBy: 'guardian', guardianName: 'فاطمة الزهراء' }],
    });
    expect(c.status).toBe('consented');

    c = await t.ok<CaseDetail>('referral.create', { caseId: c.id, baseVersion: c.version });
    expect(c.status).toBe('referred');
    const docs = await t.ok<DocumentInfo[]>('document.list', { caseId: c.id });
    const packet = docs.find((d) => d.type === 'referral_packet')!;
    expect(packet.signed).toBe(true);
    expect(packet.contentHash).toMatch(/^[0-9a-f]{64}$/);

    // The clerk prints from the queue; the second print is a stamped, signed copy.
    await t.ok('auth.signIn', accounts.clerk);
    const queue = await t.ok<DocumentInfo[]>('document.printQueue', {});
    expect(queue.map((d) => d.number)).toContain(packet.number);
    const first = await t.ok<PrintResult>('document.print', { documentId: packet.id });
    expect(first.copy).toBe(false);
    const original = pdfFile('packet.pdf', first);
    expect(pdfsig(original)).toContain('Signature is Valid.');
    expect(pdfsig(original)).toContain('Total document signed');
    const text = pdftotext(original);
    for (const p of syrianFamily) {
      expect(text).toContain(p.nameLatin);
      expect(text).toContain(p.nameAsWritten.normalize('NFKC'));
    }
    expect(text.replace(/\s+/g, ' ')).toContain('Wishes to reopen a tailoring shop.');
    // No scan was attached: the packet says so.
    expect(text.replace(/\s+/g, ' ')).toContain(`${REFERRAL.attachments.en} / ${REFERRAL.attachments.fr}`);
    expect(text.replace(/\s+/g, ' ')).toContain(LABELS.noAttachments.en);
    // The referring and consent officer is printed with the badge number of their account.
    expect(text).toContain('CBSA-40417');
    expect(text).toContain('Syria / Syrie');
    expect((await t.ok<DocumentInfo[]>('document.printQueue', {})).map((d) => d.id)).not.toContain(packet.id);
    const again = await t.ok<PrintResult>('document.print', { documentId: packet.id });
    expect(again.copy).toBe(true);
    const copy = pdfFile('packet-copy.pdf', again);
    expect(pdftotext(copy)).toMatch(/COPY/);
    expect(pdfsig(copy)).toContain('Signature is Valid.');
    // The trail tells the print from the reprint.
    await t.ok('auth.signIn', SUPERVISOR_LOGIN);
    const trail = await t.ok<{ rows: { action: string; caseId: string | null }[] }>('audit.list', { caseId: c.id, limit: 100 });
    expect(trail.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['document.print', 'document.reprint', 'referral.create', 'consent.record', 'consent.generateForm']));
    await t.ok('auth.signIn', accounts.clerk);
    // Clerks print; they never decide or refer.
    const denied = await t.call('case.decide', { caseId: c.id, baseVersion: c.version });
    expect(denied.ok ? 'ok' : denied.error.code).toBe('forbidden');
  });

  it('the packet lists the scans attached when it was made: kind (EN and FR), SHA-256 in full, date added, never the file name; it stays signed and its hash covers them', async () => {
    await t.ok('auth.signIn', accounts.interview_officer);
    let c = await decidedCase(t, syrianFamily.slice(0, 1));
    const form = await t.ok<DocumentInfo>('consent.generateForm', { caseId: c.id, baseVersion: c.version });
    c = await t.ok<CaseDetail>('consent.record', { caseId: c.id, baseVersion: c.version, documentId: form.id, signedOn: '2026-11-20', signers: [{ personId: c.intake.persons[0]!.id, signedBy: 'self' }] });
    const signed = pdfWith(`signed consent ${c.id}`);
    const passport = jpegBytes();
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    await t.ok('attachment.add', { caseId: c.id, kind: 'signed_consent', fileName: 'Consentement signé – Al-Ahmad.pdf', contentBase64: signed.toString('base64') });
    // A file name no bundled font draws (Ethiopic) does not matter: file names are never printed.
    await t.ok('attachment.add', { caseId: c.id, kind: 'travel_document', fileName: 'passport ፓ.jpg', contentBase64: passport.toString('base64') });
    c = await t.ok<CaseDetail>('referral.create', { caseId: c.id, baseVersion: c.version });
    // Scanned after the referral: in the case, not in this packet.
    const later = pdfWith(`departure ${c.id}`);
    await t.ok('attachment.add', { caseId: c.id, kind: 'departure_confirmation', fileName: 'departure.pdf', contentBase64: later.toString('base64') });

    const packet = (await t.ok<DocumentInfo[]>('document.list', { caseId: c.id })).find((d) => d.type === 'referral_packet')!;
    const file = pdfFile('packet-with-scans.pdf', await t.ok<PrintResult>('document.print', { documentId: packet.id }));
    expect(pdfsig(file)).toContain('Signature is Valid.');
    // In content-stream order (-raw) a table row reads cell by cell, however its cells wrap.
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFKC');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(`${REFERRAL.attachments.en} / ${REFERRAL.attachments.fr}`);
    // Each hash in full, never broken across lines.
    for (const hash of [sha(signed), sha(passport)]) expect(text).toContain(hash);
    expect(text).not.toContain(sha(later));
    // Kind in English and French, hash, the office date it was added (the test clock: 2026-11-21, 09:00 in Toronto); no file name.
    const row = (kind: { en: string; fr: string }, hash: string) => `${kind.en} ${kind.fr} ${hash} 2026-11-21`;
    expect(flat).toContain(row(ATTACHMENT_KIND.signed_consent, sha(signed)));
    expect(flat).toContain(row(ATTACHMENT_KIND.travel_document, sha(passport)));
    expect(flat).not.toContain('Al-Ahmad.pdf');
    expect(flat).not.toContain('.jpg');
    expect(flat).not.toContain(LABELS.noAttachments.en);
    // The content hash printed and recorded is the one over the data with the scans.
    expect(pdftotext(file).replace(/\s+/g, '')).toContain(packet.contentHash);
  });

  it('withdrawal works from every non-final state; a referred case also gets a signed notice for IOM', async () => {
    await t.ok('auth.signIn', accounts.interview_officer);
    const states: string[] = [];
    for (const stage of ['draft', 'screened', 'decided', 'consented', 'referred'] as const) {
      let c = await t.ok<CaseDetail>('case.create', { intake: familyIntake(syrianFamily.slice(0, 1)) });
      if (stage !== 'draft') c = await t.ok<CaseDetail>('case.screen', { caseId: c.id, baseVersion: c.version, handover: { kind: 'now' } });
      if (stage === 'decided' || stage === 'consented' || stage === 'referred') c = await t.ok<CaseDetail>('case.decide', { caseId: c.id, baseVersion: c.version });
      if (stage === 'consented' || stage === 'referred') {
        const form = await t.ok<DocumentInfo>('consent.generateForm', { caseId: c.id, baseVersion: c.version });
        c = await t.ok<CaseDetail>('consent.record', { caseId: c.id, baseVersion: c.version, documentId: form.id, signedOn: '2026-11-20', signers: [{ personId: c.intake.persons[0]!.id, signedBy: 'self' }] });
      }
      if (stage === 'referred') c = await t.ok<CaseDetail>('referral.create', { caseId: c.id, baseVersion: c.version });
      expect(c.status).toBe(stage);
      const w = await t.ok<CaseDetail>('case.withdraw', { caseId: c.id, baseVersion: c.version, date: '2026-11-20', reason: 'Family reasons' });
      states.push(`${stage}->${w.status}`);
      const types = (await t.ok<DocumentInfo[]>('document.list', { caseId: c.id })).map((d) => d.type);
      expect(types).toContain('withdrawal_form');
      expect(types.includes('withdrawal_notice')).toBe(stage === 'referred');
      const again = await t.call('case.withdraw', { caseId: c.id, baseVersion: w.version, date: '2026-11-20' });
      expect(again.ok ? 'ok' : again.error.messageKey).toBe('lifecycle.refused.already_withdrawn');
    }
    expect(states).toEqual(['draft->withdrawn', 'screened->withdrawn', 'decided->withdrawn', 'consented->withdrawn', 'referred->withdrawn']);
  });

  it('a name in a script no bundled font covers is refused with a clear message, and nothing is stored', async () => {
    await t.ok('auth.signIn', accounts.interview_officer);
    const c = await decidedCase(t, [{ relationship: 'principal', nameAsWritten: 'ሰላም ገብሬ', nameLatin: 'Selam Gebre', dateOfBirth: '1990-01-01', nationality: 'ERI' }]);
    const r = await t.call('consent.generateForm', { caseId: c.id, baseVersion: c.version });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.messageKey).toBe('errors.document_failed');
      expect(String(r.error.params?.en)).toMatch(/ሰ|U\+1230/);
    }
    expect(await t.ok<DocumentInfo[]>('document.list', { caseId: c.id })).toEqual([]);
  });

  it('only supervisors manage the office certificate; the self-signed one says so', async () => {
    await t.ok('auth.signIn', accounts.interview_officer);
    const r = await t.call('certificate.generateSelfSigned', {});
    expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
    await t.ok('auth.signIn', SUPERVISOR_LOGIN);
    const status = await t.ok<{ selfSigned: boolean; label: string }>('certificate.status', {});
    expect(status.selfSigned).toBe(true);
    expect(status.label).toMatch(/self-signed/);
  });
});

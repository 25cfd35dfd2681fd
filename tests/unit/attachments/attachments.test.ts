import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared/ipc/errors';
import type { Role } from '../../../shared/roles';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/schema/attachments';
import type { AttachmentContent, AttachmentInfo } from '../../../shared/schema/attachments';
import type { AuditPageView } from '../../../shared/schema/audit';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { intakeWith, makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';
import { findPlaintext } from '../db/helpers';
import { b64, exeBytes, jpegBytes, pdfWith, pngBytes } from './fixtures';

const CANARY = 'ATTACHMENT-CANARY-7d41-scan-of-signed-consent';
const FILE_NAME = 'consent-scan-Zoltan-Kovacs-canary.pdf';
const refusal = (r: IpcResult<unknown>) => (r.ok ? 'ok' : r.error.messageKey);

/** Scanned paper through the real core: content checks, the size cap, who sees what, the audit, encryption at rest. */
describe('attachments', () => {
  let t: TestCore;
  let accounts: Record<Role, { username: string; password: string }>;
  let c: CaseDetail;
  const add = (kind: string, bytes: Buffer, fileName = 'scan.pdf') => t.call('attachment.add', { caseId: c.id, kind, fileName, contentBase64: b64(bytes) });
  const list = () => t.ok<AttachmentInfo[]>('attachment.list', { caseId: c.id });

  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
    c = await t.ok<CaseDetail>('case.create', { intake: intakeWith({ nameAsWritten: 'Zoltán Kovács', nameLatin: 'Zoltan Kovacs', dateOfBirth: '1984-03-02', nationality: 'HUN' }) });
  });
  afterAll(() => t.dispose());

  it('stores a scan encrypted: no file in the data folder holds its content or its name', async () => {
    const r = await add('signed_consent', pdfWith(CANARY), FILE_NAME);
    expect(refusal(r)).toBe('ok');
    const [stored] = await list();
    expect(stored).toMatchObject({ kind: 'signed_consent', fileName: FILE_NAME, mediaType: 'application/pdf', size: pdfWith(CANARY).length, addedBy: 'Sam Supervisor' });
    expect(stored?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The content is in the database (the view gives it back byte for byte)...
    const seen = await t.ok<AttachmentContent>('attachment.view', { attachmentId: stored!.id });
    expect(Buffer.from(seen.contentBase64, 'base64').equals(pdfWith(CANARY))).toBe(true);
    // ...and nowhere readable on disk, while open (WAL) and after close.
    const needles = [CANARY, FILE_NAME, 'Zoltan Kovacs'];
    expect(findPlaintext(t.dataDir, needles)).toEqual([]);
  });

  it('refuses a renamed program with a clear reason, and stores nothing', async () => {
    const before = (await list()).length;
    expect(refusal(await add('travel_document', exeBytes(), 'passport.pdf'))).toBe('attachments.error.executable');
    expect(refusal(await add('travel_document', Buffer.from('just some text'), 'passport.jpg'))).toBe('attachments.error.unknown_type');
    expect(refusal(await add('travel_document', pdfWith('cut').subarray(0, 30), 'passport.pdf'))).toBe('attachments.error.damaged');
    expect((await list()).length).toBe(before);
  });

  it('goes by the content, not the name: a PNG named .pdf is stored as a PNG, a JPEG as a JPEG', async () => {
    const png = await add('travel_document', pngBytes(), 'passport-page.pdf');
    expect(png.ok && (png.value as AttachmentInfo).mediaType).toBe('image/png');
    const jpeg = await add('departure_confirmation', jpegBytes(), 'departure.PNG');
    expect(jpeg.ok && (jpeg.value as AttachmentInfo).mediaType).toBe('image/jpeg');
    const all = await list();
    expect(all.find((a) => a.fileName === 'passport-page.pdf')?.mediaType).toBe('image/png');
  });

  it('refuses a scan above the size cap, and accepts one exactly at it', async () => {
    const head = pdfWith('big');
    const at = Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), Buffer.alloc(MAX_ATTACHMENT_BYTES - 9 - 6, 0x20), Buffer.from('%%EOF\n', 'latin1')]);
    expect(at.length).toBe(MAX_ATTACHMENT_BYTES);
    expect(refusal(await add('other', at, 'big.pdf'))).toBe('ok');
    const over = Buffer.concat([head.subarray(0, 9), Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20), Buffer.from('%%EOF\n', 'latin1')]);
    const r = await add('other', over, 'too-big.pdf');
    expect(r.ok ? 'ok' : [r.error.code, r.error.messageKey, r.error.params]).toEqual(['rejected', 'attachments.error.too_large', { max: 10 }]);
  });

  it('clerks and front-counter officers see that a scan exists, not its content; interview officers open it', async () => {
    const [first] = await list();
    for (const role of ['clerk', 'front_counter'] as const) {
      await t.ok('auth.signIn', accounts[role]);
      const seen = await list();
      expect(seen.map((a) => a.sha256)).toContain(first!.sha256);
      const view = await t.call('attachment.view', { attachmentId: first!.id });
      expect(view.ok ? 'ok' : view.error.code).toBe('forbidden');
      // Nor may they add one: attaching belongs to consent and the stages.
      expect(refusal(await add('signed_consent', pdfWith('x')))).toBe('errors.forbidden');
      expect(refusal(await add('other', pdfWith('x')))).toBe('errors.forbidden');
    }
    await t.ok('auth.signIn', accounts.interview_officer);
    const opened = await t.ok<AttachmentContent>('attachment.view', { attachmentId: first!.id });
    expect(opened.sha256).toBe(first!.sha256);
    expect(refusal(await add('departure_confirmation', pdfWith('departure')))).toBe('ok');
    await t.ok('auth.signIn', accounts.supervisor);
  });

  it('audits every add and view under the case id (never the file name), and a refused view as denied', async () => {
    const page = await t.ok<AuditPageView>('audit.list', { action: 'attachment.*', limit: 200 });
    const rows = page.rows.map((r) => `${r.action} ${r.role} ${r.outcome} ${r.caseId ?? '-'}`);
    expect(rows.filter((r) => r.startsWith('attachment.add') && r.endsWith(`ok ${c.id}`)).length).toBe(5);
    expect(rows.filter((r) => r.startsWith('attachment.view') && r.endsWith(`ok ${c.id}`)).length).toBe(2);
    expect(rows).toContain(`attachment.view clerk denied -`);
    expect(rows).toContain(`attachment.view front_counter denied -`);
    expect(rows.filter((r) => r.startsWith('attachment.add') && r.includes(' error ')).length).toBe(4);
    expect(JSON.stringify(page.rows)).not.toContain('.pdf');
  });

  it('refuses a case or an attachment that does not exist', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    expect(refusal(await t.call('attachment.list', { caseId: none }))).toBe('errors.not_found');
    expect(refusal(await t.call('attachment.view', { attachmentId: none }))).toBe('errors.not_found');
    expect(refusal(await t.call('attachment.add', { caseId: none, kind: 'other', fileName: 'a.pdf', contentBase64: b64(pdfWith('x')) }))).toBe('errors.not_found');
    expect(refusal(await t.call('attachment.add', { caseId: c.id, kind: 'other', fileName: 'a.pdf', contentBase64: b64(pdfWith('x')), stageEntryId: none }))).toBe('errors.not_found');
  });

  it('keeps the content unreadable on disk after the core closes', () => {
    t.core.close();
    expect(findPlaintext(t.dataDir, [CANARY, FILE_NAME])).toEqual([]);
  });
});

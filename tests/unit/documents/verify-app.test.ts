/**
 * "Check a document" end to end: a referral packet the app generated and signed, checked through
 * the document.check channel and through `npm run verify-pdf` (scripts/verify-pdf.ts, run
 * in-process) against the same data folder: the same verdict and register document; the folder
 * is left as it was; the roles without document.check are refused.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReferralPacket } from '../../../electron/core/documents';
import { runVerify } from '../../../scripts/verify-pdf';
import type { VerifyIo } from '../../../scripts/verify-pdf';
import type { Role } from '../../../shared/roles';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { DocumentCheck } from '../../../shared/schema/document-check';
import type { DocumentInfo, PrintResult } from '../../../shared/schema/documents-api';
import { PACKET_DATA_FILE_NAME, PacketDataSchema } from '../../../shared/schema/packet-data';
import type { PacketData } from '../../../shared/schema/packet-data';
import { PACKET } from './support/fixtures';
import { pdfsig, run } from './support/tools';
import { caseIn } from '../case/support';
import { makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';

let t: TestCore;
let accounts: Record<Role, { username: string; password: string }>;
let referred: CaseDetail;
let packetInfo: DocumentInfo;
let packetFile: string;
let changedFile: string;
let packet: Buffer;
let filesDir: string;

const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

async function cli(argv: string[], password = accounts.interview_officer.password): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: VerifyIo = { password: async () => password, out: (s) => (out += s), err: (s) => (err += s), now: () => t.clock.now };
  const code = await runVerify(argv, io);
  return { code, out, err };
}
const folder = (role: Role = 'interview_officer') => ['--data-dir', t.dataDir, '--username', accounts[role].username];

beforeAll(async () => {
  t = makeCore();
  accounts = await withAccounts(t);
  await t.ok('certificate.generateSelfSigned', {});
  referred = await caseIn(t, 'referred');
  const docs = await t.ok<DocumentInfo[]>('document.list', { caseId: referred.id });
  const found = docs.find((d) => d.type === 'referral_packet');
  if (!found) throw new Error('no packet');
  packetInfo = found;
  const viewed = await t.ok<PrintResult>('document.view', { documentId: packetInfo.id });
  packet = Buffer.from(viewed.pdfBase64 ?? '', 'base64');
  // Outside the data folder: a file handed back is not the office's data.
  filesDir = mkdtempSync(join(tmpdir(), 'avrr-verify-files-'));
  packetFile = join(filesDir, `${packetInfo.number}.pdf`);
  changedFile = join(filesDir, `${packetInfo.number}-changed.pdf`);
  writeFileSync(packetFile, packet);
  // Bytes appended after the signed part: what any incremental update does to the file.
  writeFileSync(changedFile, Buffer.concat([packet, Buffer.from('\n1 0 obj\n<< >>\nendobj\n')]));
}, 120_000);

afterAll(() => {
  t?.dispose();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

describe('document.check', () => {
  it('says ok for the packet as generated, and names its case, type and version', async () => {
    await t.ok('auth.signIn', accounts.clerk);
    const r = await t.ok<DocumentCheck>('document.check', { fileName: 'packet.pdf', contentBase64: base64(packet) });
    expect(r.verdict).toBe('ok');
    expect(r.sha256).toBe(packetInfo.sha256);
    expect(r.document).toMatchObject({ number: packetInfo.number, caseNumber: referred.caseNumber, type: 'referral_packet', version: packetInfo.version });
  });

  it('says changed after signing for the packet with bytes appended, and which packet was signed', async () => {
    await t.ok('auth.signIn', accounts.interview_officer);
    const r = await t.ok<DocumentCheck>('document.check', { fileName: 'changed.pdf', contentBase64: base64(readFileSync(changedFile)) });
    expect(r.verdict).toBe('changed_after_signing');
    expect(r.signedRevision?.number).toBe(packetInfo.number);
    // Audited with the verdict and the packet's number.
    await t.ok('auth.signIn', accounts.supervisor);
    const trail = await t.ok<unknown>('audit.list', { action: 'document.check' });
    expect(JSON.stringify(trail)).toContain(`verdict=changed_after_signing;document=${packetInfo.number}`);
  });

  it('is refused to the front counter', async () => {
    await t.ok('auth.signIn', accounts.front_counter);
    const r = await t.call('document.check', { fileName: 'packet.pdf', contentBase64: base64(packet) });
    expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
  });
});

describe('the packet’s data for IOM, embedded in the signed file', () => {
  /** What poppler's pdfdetach (not our code) finds attached to the file. */
  function detached(file: string): PacketData {
    // The only attachment, so number 1 (this poppler's -savefile does not find a name it lists).
    expect(run('pdfdetach', ['-list', file]).out).toContain(`1 embedded files\n1: ${PACKET_DATA_FILE_NAME}`);
    const out = join(filesDir, `detached-${Date.now()}.json`);
    expect(run('pdfdetach', ['-save', '1', '-o', out, file]).status).toBe(0);
    return PacketDataSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
  }

  it('is attached before signing: pdfdetach finds it, it parses, and the signature still covers the whole file', () => {
    const data = detached(packetFile);
    expect(data).toMatchObject({ caseNumber: referred.caseNumber, contentSha256: packetInfo.contentHash });
    expect(data.persons.length).toBeGreaterThan(0);
    // Printed facts only: none of our ids.
    expect(JSON.stringify(data)).not.toMatch(/personId|"id"/);
    const sig = pdfsig(packetFile).out;
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
  });

  it('document.check reads it back from the signed part and finds it the same as the register’s, even after a change', async () => {
    await t.ok('auth.signIn', accounts.clerk);
    const r = await t.ok<DocumentCheck>('document.check', { fileName: 'packet.pdf', contentBase64: base64(packet) });
    expect(r.embeddedData).toMatchObject({ covered: true, register: 'matches', data: { caseNumber: referred.caseNumber, contentSha256: packetInfo.contentHash } });
    const changed = await t.ok<DocumentCheck>('document.check', { fileName: 'changed.pdf', contentBase64: base64(readFileSync(changedFile)) });
    expect(changed.embeddedData).toMatchObject({ covered: true, register: 'matches' });
  });

  it('says when the data differs from the register’s packet of that number, or there is no such packet', async () => {
    await t.ok('auth.signIn', accounts.interview_officer);
    const number = detached(packetFile).packetNumber;
    const other = await renderReferralPacket({ ...PACKET, packetNumber: number });
    const differs = await t.ok<DocumentCheck>('document.check', { fileName: 'other.pdf', contentBase64: base64(other) });
    expect(differs.verdict).toBe('not_signed');
    expect(differs.embeddedData).toMatchObject({ covered: false, register: 'differs', data: { packetNumber: number } });
    const unknown = await t.ok<DocumentCheck>('document.check', { fileName: 'unknown.pdf', contentBase64: base64(await renderReferralPacket(PACKET)) });
    expect(unknown.embeddedData?.register).toBe('not_found');
  });

  it('npm run verify-pdf shows it, with or without a folder', async () => {
    const inFolder = await cli([packetFile, ...folder()]);
    expect(inFolder.out).toContain('Data for IOM');
    expect(inFolder.out).toContain('Same data as the register');
    expect(inFolder.out).toContain(packetInfo.contentHash ?? 'no hash');
    const fr = await cli([packetFile, ...folder('clerk'), '--lang', 'fr'], accounts.clerk.password);
    expect(fr.out).toContain('Mêmes données que le dossier');
    const alone = await cli([packetFile]);
    expect(alone.out).toContain('Data for IOM');
    expect(alone.out).not.toMatch(/Same data|Differs from|has no referral packet/);
  });
});

describe('npm run verify-pdf', () => {
  it('gives the channel’s verdict, in English and French, and leaves the folder as it was', async () => {
    const db = join(t.dataDir, 'avrr.db');
    const before = createHash('sha256').update(readFileSync(db)).digest('hex');
    const en = await cli([packetFile, ...folder()]);
    expect(en.code).toBe(0);
    expect(en.out.split('\n')[0]).toBe('ok');
    expect(en.out).toContain(packetInfo.number);
    expect(en.out).toContain(referred.caseNumber);
    expect(en.out).toContain('Referral packet');
    const fr = await cli([packetFile, ...folder('clerk'), '--lang', 'fr'], accounts.clerk.password);
    expect(fr.code).toBe(0);
    expect(fr.out).toContain('Conforme');
    expect(fr.out).toContain('Dossier d’aiguillage');
    const changed = await cli([changedFile, ...folder()]);
    expect(changed.code).toBe(1);
    expect(changed.out.split('\n')[0]).toBe('changed_after_signing');
    expect(changed.out).toContain('Changed after signing');
    expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(before);
  });

  it('without a folder says only what the file says', async () => {
    const alone = await cli([packetFile]);
    expect(alone.code).toBe(0);
    expect(alone.out.split('\n')[0]).toBe('signature_valid');
    const changed = await cli([changedFile]);
    expect(changed.code).toBe(1);
    expect(changed.out.split('\n')[0]).toBe('changed_after_signing');
  });

  it('refuses a role without document.check, a wrong password and bad arguments', async () => {
    expect((await cli([packetFile, ...folder('front_counter')], accounts.front_counter.password)).code).toBe(3);
    expect((await cli([packetFile, ...folder()], 'wrong password')).code).toBe(3);
    expect((await cli([])).code).toBe(2);
    expect((await cli([packetFile, '--data-dir', t.dataDir])).code).toBe(2);
    expect((await cli([packetFile, '--lang', 'de'])).code).toBe(2);
  });
});

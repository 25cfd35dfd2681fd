/**
 * The document checker (electron/core/documents/verify): the verdicts for untouched, changed,
 * tampered, foreign, unknown and unsigned PDFs. Each tampered fixture is cross-checked with
 * poppler's pdfsig, the reader a recipient is likely to use, so the test proves the checker
 * agrees with it (the app itself never calls pdfsig).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterMatch } from '../../../shared/schema/document-check';
import { createSelfSignedOfficeCertificate, readOfficeCertificate, renderConsentForm, renderReferralPacket, signPdf } from '../../../electron/core/documents';
import { inspectSignedPdf, judge } from '../../../electron/core/documents/verify';
import type { Office } from '../../../electron/core/documents/verify';
import { CONSENT, PACKET } from './support/fixtures';
import type { TestPki } from './support/pki';
import { makeTestPki } from './support/pki';
import { pdfsig, run } from './support/tools';

let dir: string;
let pki: TestPki;
let packet: Uint8Array;
const signingTime = new Date();

const sign = (pdf: Uint8Array) =>
  signPdf(pdf, { p12: pki.officeP12, passphrase: pki.passphrase, reason: 'AVRR test', location: 'Mississauga, Ontario', signingTime });
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const PACKET_MATCH: RegisterMatch = {
  number: 'RP-2026-000001',
  type: 'referral_packet',
  caseNumber: 'AVRR-2026-000001',
  version: 2,
  generatedAt: '2026-11-28T12:00:00.000Z',
  superseded: false,
};

/** This test's office: the test PKI's office certificate, and a register holding `packet`. */
function office(register: ReadonlyMap<string, RegisterMatch>): Office {
  return {
    certificateFingerprints: new Set([readOfficeCertificate(pki.officeP12, pki.passphrase).sha256Fingerprint]),
    lookup: (h) => register.get(h) ?? null,
    // The embedded data against the register is tested on packets the app made (verify-app.test.ts).
    packetData: () => null,
  };
}
const check = (pdf: Uint8Array) => judge(inspectSignedPdf(pdf), office(new Map([[sha256(packet), PACKET_MATCH]])));

function save(name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/**
 * Appends a small, valid incremental update, as any PDF editor saving "in place" does: a new
 * version of the information dictionary (a changed title), a classic cross-reference section
 * and a trailer whose /Prev is the signed revision's cross-reference stream.
 */
function appendIncrementalUpdate(pdf: Uint8Array): { pdf: Uint8Array; changedObject: string } {
  const text = Buffer.from(pdf).toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const xref = text.slice(prev, prev + 600);
  const size = Number(/\/Size (\d+)/.exec(xref)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(xref)?.[1];
  const info = /\/Info (\d+) 0 R/.exec(xref)?.[1];
  if (!Number.isFinite(prev) || !Number.isFinite(size) || !root || !info) throw new Error('unexpected trailer');
  let out = '\n';
  const objAt = pdf.length + out.length;
  out += `${info} 0 obj\n<< /Title (Changed after signing) /Producer (Some editor) >>\nendobj\n`;
  const xrefAt = pdf.length + out.length;
  out += `xref\n0 1\n0000000000 65535 f \n${info} 1\n${String(objAt).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${size} /Root ${root} /Info ${info} 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return { pdf: new Uint8Array(Buffer.concat([pdf, Buffer.from(out, 'latin1')])), changedObject: info };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'avrr-docs-verify-'));
  pki = makeTestPki();
  packet = await sign(await renderReferralPacket(PACKET));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check a document', () => {
  it('says ok for an untouched signed packet of the register, and which document it is', () => {
    expect(pdfsig(save('untouched.pdf', packet)).out).toContain('Total document signed');
    const r = check(packet);
    expect(r.verdict).toBe('ok');
    expect(r.ours).toBe(true);
    expect(r.document).toEqual(PACKET_MATCH);
    expect(r.signedBytes).toBe(packet.length);
    expect(r.signer).toContain('CBSA GTA AVRR office (TEST ONLY)');
    expect(r.signedAt).toBe(new Date(Math.floor(signingTime.getTime() / 1000) * 1000).toISOString());
  });

  it('says "changed after signing" for a packet with an incremental update appended, and names the packet signed', () => {
    const { pdf: changed, changedObject } = appendIncrementalUpdate(packet);
    const file = save('incremental.pdf', changed);
    // What a recipient's reader says of it: the signature is still valid, but not over the whole file.
    const popplerSays = pdfsig(file).out;
    expect(popplerSays).toContain('Signature is Valid.');
    expect(popplerSays).toMatch(/Not total document signed/i);
    expect(run('qpdf', ['--check', file]).status).toBe(0);
    expect(run('qpdf', [`--show-object=${changedObject}`, file]).out).toContain('Changed after signing');

    const r = check(changed);
    expect(r.verdict).toBe('changed_after_signing');
    expect(r.signedBytes).toBe(packet.length);
    expect(r.fileBytes).toBe(changed.length);
    expect(r.document).toBeNull();
    expect(r.signedRevision).toEqual(PACKET_MATCH);
  });

  it('says "changed after signing" even when bytes that are no PDF at all are appended', () => {
    const r = check(new Uint8Array(Buffer.concat([packet, Buffer.from('\n% trailing bytes\n')])));
    expect(r.verdict).toBe('changed_after_signing');
  });

  it('says "signature invalid" for a byte flipped inside the signed range (before and after the signature)', () => {
    const text = Buffer.from(packet).toString('latin1');
    const m = /\/ByteRange \[0 (\d+) (\d+) (\d+)\]/.exec(text);
    const [firstEnd, secondStart] = [Number(m?.[1]), Number(m?.[2])];
    for (const [where, at] of [['middle', Math.floor(firstEnd / 2)], ['signature dictionary', secondStart + 40]] as const) {
      const bad = Uint8Array.from(packet);
      bad[at] = (bad[at] ?? 0) ^ 0x01;
      const popplerSays = pdfsig(save(`flipped-${where.replace(/ /g, '-')}.pdf`, bad)).out;
      expect(popplerSays, where).not.toContain('Signature is Valid.');
      expect(check(bad).verdict, where).toBe('signature_invalid');
    }
  });

  it('says "signature invalid" when the CMS itself is altered (a byte of the signature value)', () => {
    const text = Buffer.from(packet).toString('latin1');
    const secondStart = Number(/\/ByteRange \[0 \d+ (\d+) \d+\]/.exec(text)?.[1]);
    const bad = Uint8Array.from(packet);
    // The last hex digit before '>': inside the RSA signature, which ends the CMS.
    const at = secondStart - 2;
    bad[at] = (bad[at] ?? 0) === 0x30 ? 0x31 : 0x30;
    expect(pdfsig(save('flipped-cms.pdf', bad)).out).not.toContain('Signature is Valid.');
    expect(check(bad).verdict).toBe('signature_invalid');
  });

  it('says "not in the register" for a valid signed PDF of ours whose hash the register does not know', async () => {
    const form = await sign(await renderConsentForm(CONSENT));
    expect(pdfsig(save('unknown.pdf', form)).out).toContain('Signature is Valid.');
    const r = check(form);
    expect(r.verdict).toBe('not_in_register');
    expect(r.ours).toBe(true);
    expect(r.document).toBeNull();
  });

  it('says "not ours" for a valid whole PDF signed with another certificate', async () => {
    const made = createSelfSignedOfficeCertificate({ passphrase: 'other office' });
    const other = await signPdf(await renderConsentForm(CONSENT), {
      certificate: readOfficeCertificate(made.p12, 'other office'),
      reason: 'r',
      location: 'l',
      signingTime,
    });
    expect(pdfsig(save('foreign.pdf', other)).out).toContain('Signature is Valid.');
    const r = check(other);
    expect(r.verdict).toBe('not_ours');
    expect(r.ours).toBe(false);
  });

  it('says "not signed" for an unsigned PDF, and for bytes that are no PDF', async () => {
    expect(check(await renderConsentForm(CONSENT)).verdict).toBe('not_signed');
    expect(check(new TextEncoder().encode('hello')).verdict).toBe('not_signed');
  });

  it('checks a PDF signed by the rewriting path (@signpdf) too', async () => {
    const copy = Uint8Array.from(await renderConsentForm(CONSENT));
    const signed = await sign(copy);
    const r = judge(inspectSignedPdf(signed), office(new Map([[sha256(signed), PACKET_MATCH]])));
    expect(r.verdict).toBe('ok');
  });
});

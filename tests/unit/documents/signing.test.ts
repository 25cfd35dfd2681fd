import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AlreadySignedError,
  CertificateNotValidAtSigningTimeError,
  OfficeCertificateInvalidError,
  OfficeCertificateWrongPassphraseError,
  SELF_SIGNED_LABEL,
  createSelfSignedOfficeCertificate,
  readOfficeCertificate,
  renderConsentForm,
  renderReferralPacket,
  renderWithdrawalForm,
  renderWithdrawalNotice,
  signPdf,
  stampCopy,
} from '../../../electron/core/documents';
import { OID } from '../../../electron/core/documents/signing/cms';
import { CONSENT, PACKET, WITHDRAWAL } from './support/fixtures';
import type { TestPki } from './support/pki';
import { makeNssDb, makeTestPki } from './support/pki';
import { pdfsig, run } from './support/tools';

let dir: string;
let pki: TestPki;
let nssDb: string;
const signingTime = new Date();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'avrr-docs-sign-'));
  pki = makeTestPki();
  nssDb = makeNssDb(dir, pki.caPem);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sign = (pdf: Uint8Array) =>
  signPdf(pdf, { p12: pki.officeP12, passphrase: pki.passphrase, reason: 'AVRR test', location: 'Mississauga, Ontario', signingTime });

function save(name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The byte ranges and the CMS of the (only) signature. */
function signatureParts(pdf: Uint8Array): { ranges: number[]; cms: Uint8Array } {
  const text = Buffer.from(pdf).toString('latin1');
  const m = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(text);
  if (!m) throw new Error('no ByteRange');
  const ranges = m.slice(1, 5).map(Number);
  const [, start = 0, end = 0] = ranges;
  const hex = text.slice(start + 1, end - 1);
  return { ranges, cms: new Uint8Array(Buffer.from(hex, 'hex')) };
}

const documents: [string, () => Promise<Uint8Array>][] = [
  ['consent form', () => renderConsentForm(CONSENT)],
  ['referral packet', () => renderReferralPacket(PACKET)],
  ['withdrawal form', () => renderWithdrawalForm(WITHDRAWAL)],
  ['withdrawal notice', () => renderWithdrawalNotice(WITHDRAWAL)],
  ['stamped reprint', async () => stampCopy(await renderReferralPacket(PACKET), '2013-06-01')],
];

describe.each(documents)('signed %s', (name, render) => {
  it('is valid, covers the whole file, is trusted through the test CA, and passes qpdf --check', async () => {
    const file = save(`${name.replace(/ /g, '-')}.pdf`, await sign(await render()));
    const plain = pdfsig(file);
    expect(plain.out).toContain('Signature is Valid.');
    expect(plain.out).toContain('Total document signed');
    expect(plain.out).toContain('ETSI.CAdES.detached');
    const trusted = pdfsig(file, nssDb);
    expect(trusted.out).toContain('Signature is Valid.');
    expect(trusted.out).toContain('Certificate is Trusted.');
    const check = run('qpdf', ['--check', file]);
    expect(check.status).toBe(0);
    expect(check.out).toContain('No syntax or stream encoding errors found');
  });
});

describe('one pass or two', () => {
  const check = (file: string) => {
    const out = pdfsig(file, nssDb).out;
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Certificate is Trusted.');
    const qpdf = run('qpdf', ['--check', file]);
    expect(qpdf.status).toBe(0);
    expect(qpdf.out).toContain('No syntax or stream encoding errors found');
  };
  const revisions = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1').split('%%EOF').length - 1;

  it('appends the signature to a fresh render as one incremental update, with no spare room in /Contents', async () => {
    const rendered = await renderReferralPacket(PACKET);
    const signed = await sign(rendered);
    expect(Buffer.from(signed.subarray(0, rendered.length)).equals(Buffer.from(rendered))).toBe(true);
    expect(revisions(signed)).toBe(2);
    check(save('incremental.pdf', signed));
    // The placeholder is the exact size of the CMS: its hex has no trailing zero padding.
    const { cms } = signatureParts(signed);
    const asn1 = asn1js.fromBER(cms.slice().buffer);
    expect(asn1.offset).toBe(cms.length);
  });

  it('loads and rewrites bytes it did not just write (a copy, or changed bytes), and still signs them', async () => {
    const rendered = await renderConsentForm(CONSENT);
    const copy = Uint8Array.from(rendered);
    const signedCopy = await sign(copy);
    expect(revisions(signedCopy)).toBe(1);
    check(save('rewritten-copy.pdf', signedCopy));
    // Changing the remembered bytes in place: their hash no longer matches, so they are parsed again.
    const changed = await renderWithdrawalNotice(WITHDRAWAL);
    changed[10] = (changed[10] ?? 0) ^ 0x01; // the binary comment after %PDF-1.7
    const signedChanged = await sign(changed);
    expect(revisions(signedChanged)).toBe(1);
    check(save('rewritten-changed.pdf', signedChanged));
  });
});

describe('tampering', () => {
  it('flipping a byte anywhere in the signed ranges gives "Digest Mismatch"', async () => {
    const signed = await sign(await renderReferralPacket(PACKET));
    const { ranges } = signatureParts(signed);
    const [, firstEnd = 0, secondStart = 0] = ranges;
    const text = Buffer.from(signed).toString('latin1');
    // A byte inside a page content stream (compressed drawing operators).
    const contents = text.indexOf('stream', text.indexOf('/Filter /FlateDecode')) + 20;
    const positions = {
      start: 10, // the binary comment after %PDF-1.7
      middle: Math.floor(firstEnd / 2),
      'content stream': contents,
      'after the signature': secondStart + 40, // inside the signature dictionary (/Reason…)
      end: signed.length - 3, // inside %%EOF
    };
    for (const [where, at] of Object.entries(positions)) {
      expect(at < firstEnd || at >= secondStart, where).toBe(true);
      const bad = Uint8Array.from(signed);
      bad[at] = (bad[at] ?? 0) ^ 0x01;
      const out = pdfsig(save(`tampered-${where.replace(/ /g, '-')}.pdf`, bad)).out;
      expect(out, where).toContain('Digest Mismatch');
      expect(out, where).not.toContain('Signature is Valid.');
    }
  });
});

describe('CMS (PAdES baseline B-B)', () => {
  it('has content-type, message-digest and signing-certificate-v2 with the cert hash, and no signing-time', async () => {
    const signed = await sign(await renderConsentForm(CONSENT));
    expect(Buffer.from(signed).toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(Buffer.from(signed).toString('latin1')).toMatch(/\/M \(D:\d{14}Z\)/);
    const { ranges, cms } = signatureParts(signed);
    const [a = 0, b = 0, c = 0, d = 0] = ranges;
    const digest = createHash('sha256').update(signed.subarray(a, a + b)).update(signed.subarray(c, c + d)).digest('hex');

    const asn1 = asn1js.fromBER(cms.slice().buffer);
    const info = new pkijs.ContentInfo({ schema: asn1.result });
    expect(info.contentType).toBe(OID.signedData);
    const sd = new pkijs.SignedData({ schema: info.content });
    expect(sd.encapContentInfo.eContent).toBeUndefined(); // detached
    const signer = sd.signerInfos[0];
    const attrs = signer?.signedAttrs?.attributes ?? [];
    const byType = new Map(attrs.map((x) => [x.type, x]));
    expect([...byType.keys()].sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort());
    expect(byType.has(OID.signingTime)).toBe(false);

    const ct = byType.get(OID.contentType)?.values[0];
    expect(ct instanceof asn1js.ObjectIdentifier && ct.valueBlock.toString()).toBe(OID.data);
    const md = byType.get(OID.messageDigest)?.values[0];
    expect(md instanceof asn1js.OctetString && Buffer.from(md.valueBlock.valueHexView).toString('hex')).toBe(digest);

    const office = readOfficeCertificate(pki.officeP12, pki.passphrase);
    const v2 = byType.get(OID.signingCertificateV2)?.values[0];
    if (!(v2 instanceof asn1js.Sequence)) throw new Error('signing-certificate-v2 is not a SEQUENCE');
    const certs = v2.valueBlock.value[0];
    const essCertIdV2 = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
    const certHash = essCertIdV2 instanceof asn1js.Sequence ? essCertIdV2.valueBlock.value[0] : undefined;
    if (!(certHash instanceof asn1js.OctetString)) throw new Error('no certHash');
    expect(Buffer.from(certHash.valueBlock.valueHexView).toString('hex')).toBe(
      createHash('sha256').update(office.certificate).digest('hex'),
    );
    // The signing certificate travels in the CMS.
    const first = sd.certificates?.[0];
    expect(first instanceof pkijs.Certificate && Buffer.from(first.toSchema().toBER()).equals(Buffer.from(office.certificate))).toBe(true);
  });
});

describe('office certificate', () => {
  it('reads a .p12 and refuses a wrong passphrase or a non-p12 file with typed errors', () => {
    const cert = readOfficeCertificate(pki.officeP12, pki.passphrase);
    expect(cert.subject).toContain('CBSA GTA AVRR office (TEST ONLY)');
    expect(cert.chain).toHaveLength(1);
    expect(cert.selfSigned).toBe(false);
    expect(() => readOfficeCertificate(pki.officeP12, 'wrong')).toThrow(OfficeCertificateWrongPassphraseError);
    try {
      readOfficeCertificate(new Uint8Array([1, 2, 3, 4]), 'x');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OfficeCertificateInvalidError);
      expect(e instanceof OfficeCertificateInvalidError && e.problem).toBe('not_pkcs12');
      expect(e instanceof OfficeCertificateInvalidError && e.fr.length).toBeGreaterThan(10);
    }
  });

  it('reads a .p12 made by OpenSSL 3 (PBES2/AES-256, SHA-256 MAC)', () => {
    const key = save('office-key.pem', new TextEncoder().encode(pki.officeKeyPem));
    const crt = save('office-cert.pem', new TextEncoder().encode(pki.officeCertPem));
    const out = join(dir, 'openssl.p12');
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', crt, '-out', out, '-passout', 'pass:s3cret']);
    const p12 = new Uint8Array(execFileSync('cat', [out]));
    expect(readOfficeCertificate(p12, 's3cret').subject).toContain('TEST ONLY');
  });

  it('creates a labelled self-signed office certificate that signs valid (untrusted) PDFs', async () => {
    const made = createSelfSignedOfficeCertificate({ passphrase: 'office pass' });
    const cert = readOfficeCertificate(made.p12, 'office pass');
    expect(cert.subject).toContain(SELF_SIGNED_LABEL);
    expect(cert.selfSigned).toBe(true);
    expect(cert.sha256Fingerprint).toBe(made.sha256Fingerprint);
    expect(() => readOfficeCertificate(made.p12, 'nope')).toThrow(OfficeCertificateWrongPassphraseError);
    const signed = await signPdf(await renderWithdrawalNotice(WITHDRAWAL), {
      certificate: cert,
      reason: 'test',
      location: 'Mississauga',
      signingTime,
    });
    const out = pdfsig(save('self-signed.pdf', signed)).out;
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('replace with the office');
  });

  it('refuses to sign outside the certificate validity, and to stamp or re-sign a signed PDF', async () => {
    const pdf = await renderWithdrawalForm(WITHDRAWAL);
    await expect(
      signPdf(pdf, { p12: pki.officeP12, passphrase: pki.passphrase, reason: 'r', location: 'l', signingTime: new Date('2001-01-01') }),
    ).rejects.toBeInstanceOf(CertificateNotValidAtSigningTimeError);
    const signed = await sign(pdf);
    await expect(stampCopy(signed, '2013-06-01')).rejects.toBeInstanceOf(AlreadySignedError);
    await expect(sign(signed)).rejects.toBeInstanceOf(AlreadySignedError);
  });
});

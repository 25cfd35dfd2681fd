import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeAuthorityError, openAuthority } from '../../../electron/office/authority';

/** The office CA on disk: what it makes, what it keeps, and how it behaves when reopened. */

let root: string;
let dataDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'avrr-office-ca-'));
  dataDir = join(root, 'server');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function spki(bits = 2048): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return { publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString() };
}

/** The serial numbers a PEM CRL lists (lower-case hex), read with forge's ASN.1 parser. */
function revokedSerials(crlPem: string): string[] {
  const der = forge.util.decode64(crlPem.replace(/-----[A-Z0-9 ]+-----|\s/g, ''));
  const tbs = (forge.asn1.fromDer(der).value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  // version, signature, issuer, thisUpdate, then the revoked list if any (a SEQUENCE).
  const list = tbs[4];
  if (!list || list.type !== forge.asn1.Type.SEQUENCE) return [];
  return (list.value as forge.asn1.Asn1[]).map((entry) => forge.util.bytesToHex((entry.value as forge.asn1.Asn1[])[0]!.value as string));
}

describe('office authority', () => {
  it('makes a CA that may sign certificates and CRLs, and a server certificate naming the hosts', () => {
    const authority = openAuthority(dataDir);
    const { caCert, serverCert } = authority.pems();
    const ca = new X509Certificate(caCert);
    expect(ca.ca).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    const server = new X509Certificate(serverCert);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(statSync(authority.folder).mode & 0o777).toBe(0o700);
  });

  it('keeps the CA when reopened, and re-issues the server certificate for a new host name', () => {
    const before = openAuthority(dataDir).pems();
    const after = openAuthority(dataDir, { hosts: ['office-server.example', '10.0.0.5'] }).pems();
    expect(after.caCert).toBe(before.caCert);
    expect(after.serverCert).not.toBe(before.serverCert);
    expect(new X509Certificate(after.serverCert).subjectAltName).toBe('DNS:office-server.example, IP Address:10.0.0.5');
  });

  it('lists revoked workstations in the CRL, also after a restart', () => {
    const authority = openAuthority(dataDir);
    const a = authority.issueWorkstation({ name: 'Counter A', publicKey: spki().publicKey });
    const b = authority.issueWorkstation({ name: 'Counter B', publicKey: spki().publicKey });
    expect(revokedSerials(authority.pems().crl)).toEqual([]);
    expect(authority.revoke(b.workstation.id)).toBe(true);
    expect(authority.revoke('00ff')).toBe(false);
    expect(revokedSerials(authority.pems().crl)).toEqual([b.workstation.id]);
    const reopened = openAuthority(dataDir);
    expect(revokedSerials(reopened.pems().crl)).toEqual([b.workstation.id]);
    expect(reopened.find(a.workstation.id)?.revokedAt).toBeNull();
    expect(reopened.find(b.workstation.id)?.revokedAt).not.toBeNull();
    const registry = JSON.parse(readFileSync(join(reopened.folder, 'workstations.json'), 'utf8')) as { workstations: unknown[] };
    expect(registry.workstations).toHaveLength(2);
  });

  it('issues from a CSR only if its signature proves the key, and refuses weak keys', () => {
    const authority = openAuthority(dataDir);
    const keys = spki();
    const csr = forge.pki.createCertificationRequest();
    csr.publicKey = forge.pki.publicKeyFromPem(keys.publicKey);
    csr.setSubject([{ shortName: 'CN', value: 'x' }]);
    csr.sign(forge.pki.privateKeyFromPem(keys.privateKey), forge.md.sha256.create());
    const good = forge.pki.certificationRequestToPem(csr);
    expect(authority.issueWorkstation({ name: 'Interview room 2', csr: good }).workstation.name).toBe('Interview room 2');
    // A request for someone else's public key, signed with another key: it proves nothing.
    const forged = forge.pki.createCertificationRequest();
    forged.publicKey = forge.pki.publicKeyFromPem(spki().publicKey);
    forged.setSubject([{ shortName: 'CN', value: 'x' }]);
    forged.sign(forge.pki.privateKeyFromPem(keys.privateKey), forge.md.sha256.create());
    expect(() => authority.issueWorkstation({ name: 'Interview room 3', csr: forge.pki.certificationRequestToPem(forged) })).toThrow(/signature/);
    expect(() => authority.issueWorkstation({ name: 'Old desk', publicKey: spki(1024).publicKey })).toThrow(/2048/);
    expect(() => authority.issueWorkstation({ name: '<script>', publicKey: keys.publicKey })).toThrow();
  });

  it('will not quietly make a new CA over enrolled workstations whose CA is lost', () => {
    const authority = openAuthority(dataDir);
    rmSync(join(authority.folder, 'ca-key.pem'));
    expect(() => openAuthority(dataDir)).toThrow(OfficeAuthorityError);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentError, readOfficeCertificate } from '../../../electron/core/documents';
import type { OfficeCertificate } from '../../../electron/core/documents';
import { inThreadEngine } from '../../../electron/core/documents/engine';
import type { DocumentEngine, DocumentJob } from '../../../electron/core/documents/engine';
import { createWorkerPool } from '../../../electron/core/documents/worker-pool';
import { CONSENT, PACKET } from './support/fixtures';
import { makeTestPki } from './support/pki';
import { normaliseExtracted, pdfsig, pdftotext } from './support/tools';

/**
 * Issue 15: the office server makes documents in worker threads. What comes out of a worker is
 * the document the workstation makes in its own thread, signed the same way; a document that
 * cannot be made fails with the same named error; a worker that dies is replaced.
 */
let dir: string;
let certificate: OfficeCertificate;
let pool: DocumentEngine;
const now = new Date();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'avrr-docs-pool-'));
  const pki = makeTestPki();
  certificate = readOfficeCertificate(pki.officeP12, pki.passphrase);
  pool = createWorkerPool({ size: 1 });
});
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

function save(name: string, pdf: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return file;
}

const packetJob: DocumentJob = { type: 'referral_packet', input: PACKET, certificate: null, now };

describe('documents made by the worker pool', () => {
  it('signs a referral packet validly, the same document the in-thread engine makes', async () => {
    const job = { ...packetJob, certificate };
    const [fromPool, inThread] = await Promise.all([pool.make(job), inThreadEngine.make(job)]);
    const file = save('packet.pdf', fromPool);
    const sig = pdfsig(file).out;
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect(normaliseExtracted(pdftotext(file))).toBe(normaliseExtracted(pdftotext(save('packet-in-thread.pdf', inThread))));
    expect(normaliseExtracted(pdftotext(file))).toContain('Mohammed AL-AHMAD');
  }, 60_000);

  it('stamps a reprint "COPY / COPIE" with its date and signs it afresh', async () => {
    const file = save('copy.pdf', await pool.make({ ...packetJob, certificate, copyOn: '2026-12-01' }));
    expect(pdfsig(file).out).toContain('Signature is Valid.');
    const text = normaliseExtracted(pdftotext(file));
    expect(text).toContain('COPY / COPIE');
    expect(text).toContain('2026-12-01');
  }, 60_000);

  it('makes jobs sent together one after the other when every worker is busy', async () => {
    const pdfs = await Promise.all([1, 2, 3].map(() => pool.make({ type: 'consent_form', input: CONSENT, certificate, now })));
    for (const [i, pdf] of pdfs.entries()) expect(pdfsig(save(`consent-${i}.pdf`, pdf)).out).toContain('Signature is Valid.');
  }, 60_000);

  it('refuses a name no font can print with the same error, in both languages, as in-thread', async () => {
    const persons = CONSENT.persons.map((p, i) => (i === 0 ? { ...p, nameOwnScript: 'አበበ ቢቂላ' } : p));
    const job: DocumentJob = { type: 'consent_form', input: { ...CONSENT, persons }, certificate, now };
    const [fromPool, inThread] = await Promise.all([pool.make(job).catch((e: unknown) => e), inThreadEngine.make(job).catch((e: unknown) => e)]);
    expect(inThread).toBeInstanceOf(DocumentError);
    expect(fromPool).toBeInstanceOf(DocumentError);
    expect((fromPool as DocumentError).toJSON()).toEqual((inThread as DocumentError).toJSON());
    expect((fromPool as DocumentError).fr).toContain('U+12A0');
  }, 60_000);
});

describe('a worker that dies', () => {
  it('fails the job it was making, and the next job is made by a new worker', async () => {
    const crashing = createWorkerPool({ size: 1, workerUrl: new URL('./support/crashing-render-worker.ts', import.meta.url) });
    try {
      await expect(crashing.make({ ...packetJob, input: { crashWorker: true } })).rejects.toThrow(/document worker stopped \(exit code 70\)/);
      const file = save('after-crash.pdf', await crashing.make({ ...packetJob, certificate }));
      expect(pdfsig(file).out).toContain('Signature is Valid.');
    } finally {
      await crashing.close();
    }
  }, 60_000);
});

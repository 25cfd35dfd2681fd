import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWASP_MIN_KDF_PARAMS } from '../../../electron/core/auth/kdf';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { createOfficeCore } from '../../../electron/core/office-core';
import type { CallingWorkstation, OfficeCore } from '../../../electron/core/office-core';
import type { DocumentEngine, DocumentJob } from '../../../electron/core/documents/engine';
import { createWorkerPool } from '../../../electron/core/documents/worker-pool';
import type { CaseDetail, DraftSaved } from '../../../shared/schema/case-api';
import type { DocumentInfo } from '../../../shared/schema/documents-api';
import { familyIntake, syrianFamily } from '../../fixtures/intakes';
import { signersFor } from '../case/support';
import { SUPERVISOR } from '../core/helpers';

/**
 * Issue 15: on the office server a read is not held up by another desk's document being
 * rendered and signed (measured by `npm run bench -- office`), while writes stay one at a time
 * and each desk's own calls keep their order.
 */
const counter: CallingWorkstation = { id: '01', name: 'front-counter-1', fingerprint: 'aa'.repeat(32) };
const interview: CallingWorkstation = { id: '02', name: 'interview-room-2', fingerprint: 'bb'.repeat(32) };
let root: string;
let core: OfficeCore;
/** The office server's worker pool, watched: which documents are being made right now. */
const pool = createWorkerPool({ size: 1 });
const making: { type: DocumentJob['type']; started: () => void }[] = [];
const documents: DocumentEngine = {
  make(job) {
    for (const m of making.splice(0)) if (m.type === job.type) m.started();
    return pool.make(job);
  },
  close: () => pool.close(),
};
const started = (type: DocumentJob['type']) => new Promise<void>((resolve) => making.push({ type, started: resolve }));

async function ok<T>(ws: CallingWorkstation, channel: string, input: unknown): Promise<T> {
  const r = await core.invoke(ws, channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** A case at the last step before its referral packet is made. */
async function consentedCase(ws: CallingWorkstation): Promise<CaseDetail> {
  let c = await ok<CaseDetail>(ws, 'case.create', { intake: familyIntake(syrianFamily) });
  c = await ok<CaseDetail>(ws, 'case.decide', { caseId: c.id, baseVersion: c.version });
  const form = await ok<DocumentInfo>(ws, 'consent.generateForm', { caseId: c.id, baseVersion: c.version });
  return ok<CaseDetail>(ws, 'consent.record', { caseId: c.id, baseVersion: c.version, documentId: form.id, signedOn: '2026-11-20', signers: signersFor(c) });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'avrr-office-reads-'));
  core = createOfficeCore({ dataDir: root, sealer: devPlaintextSealer, keySlots: { kdfParams: OWASP_MIN_KDF_PARAMS }, documents });
  await ok(counter, 'auth.setup', SUPERVISOR);
  await ok(counter, 'certificate.generateSelfSigned', {});
  const officer = await ok<{ oneTimePassword: string }>(counter, 'user.create', { username: 'io.reads', displayName: 'Ines Officer', role: 'interview_officer', badgeNumber: 'CBSA-40417' });
  const password = 'quiet maples over the harbour 7';
  await ok(interview, 'auth.signIn', { username: 'io.reads', password: officer.oneTimePassword });
  await ok(interview, 'auth.changePassword', { currentPassword: officer.oneTimePassword, newPassword: password });
}, 60_000);

afterAll(async () => {
  core?.close();
  await pool.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the office server: reads beside a document being made', () => {
  it("answers another desk's search and autosave while a referral packet is signed; a write of no single case waits for it", async () => {
    const c = await consentedCase(interview);
    const order: string[] = [];
    const referral = ok(interview, 'referral.create', { caseId: c.id, baseVersion: c.version }).then(() => order.push('referral'));
    const search = ok(counter, 'case.list', { query: 'Al-Ahmad' }).then(() => order.push('search'));
    const autosave = ok<DraftSaved>(counter, 'draft.save', { draftId: randomUUID(), caseId: null, baseVersion: null, revision: 0, data: { note: 'typed' } }).then(() => order.push('autosave'));
    const setting = ok(counter, 'settings.setIdleLock', { minutes: 10 }).then(() => order.push('setting'));
    await Promise.all([referral, search, autosave, setting]);
    expect(order.slice(2)).toEqual(['referral', 'setting']);
    expect([...order.slice(0, 2)].sort()).toEqual(['autosave', 'search']);
  }, 30_000);

  it("answers another desk's read sent while a worker thread is making the packet, before the packet is done", async () => {
    const c = await consentedCase(interview);
    const order: string[] = [];
    const packetStarted = started('referral_packet');
    const referral = ok<CaseDetail>(interview, 'referral.create', { caseId: c.id, baseVersion: c.version }).then((r) => {
      order.push('referral');
      return r;
    });
    await packetStarted;
    const read = await ok<CaseDetail>(counter, 'case.get', { caseId: c.id });
    order.push('read');
    expect(read.status).toBe('consented');
    const referred = await referral;
    expect(order).toEqual(['read', 'referral']);
    expect(referred.status).toBe('referred');
  }, 30_000);

  it("saves another desk's case while a worker thread is making this case's packet", async () => {
    const c = await consentedCase(interview);
    const other = await ok<CaseDetail>(counter, 'case.create', { intake: familyIntake(syrianFamily) });
    const order: string[] = [];
    const packetStarted = started('referral_packet');
    const referral = ok<CaseDetail>(interview, 'referral.create', { caseId: c.id, baseVersion: c.version }).then(() => order.push('referral'));
    await packetStarted;
    const intake = { ...other.intake, persons: other.intake.persons.map((p, i) => (i === 0 ? { ...p, nameLatin: 'Mohammed Other Case' } : p)) };
    await ok(counter, 'case.saveIntake', { caseId: other.id, baseVersion: other.version, intake });
    order.push('other case saved');
    await referral;
    // One case's write at a time (office-call-order.ts): a save of the same case would have waited.
    expect(order).toEqual(['other case saved', 'referral']);
  }, 30_000);

  it("keeps a desk's own calls in order: a read sent after its save sees the save", async () => {
    const c = await ok<CaseDetail>(counter, 'case.create', { intake: familyIntake(syrianFamily) });
    const intake = { ...c.intake, persons: c.intake.persons.map((p, i) => (i === 0 ? { ...p, nameLatin: 'Mohammed Al-Ahmad Saved' } : p)) };
    const save = ok<CaseDetail>(counter, 'case.saveIntake', { caseId: c.id, baseVersion: c.version, intake });
    const read = ok<CaseDetail>(counter, 'case.get', { caseId: c.id });
    const [saved, seen] = await Promise.all([save, read]);
    expect(seen.version).toBe(saved.version);
    expect(seen.intake.persons[0]!.nameLatin).toBe('Mohammed Al-Ahmad Saved');
  }, 30_000);
});

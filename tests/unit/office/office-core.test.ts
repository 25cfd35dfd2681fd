import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWASP_MIN_KDF_PARAMS } from '../../../electron/core/auth/kdf';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { createOfficeCore } from '../../../electron/core/office-core';
import type { OfficeCore } from '../../../electron/core/office-core';
import { enrolWorkstation, officeInvoker } from '../../../electron/office/client';
import type { OfficeInvoker } from '../../../electron/office/client';
import { startOfficeTransport } from '../../../electron/office/server';
import type { OfficeTransport } from '../../../electron/office/server';
import { SUPERVISOR, intakeWith } from '../core/helpers';

/**
 * The office server's back end behind its mutual-TLS transport (issue 15 point 1): two enrolled
 * workstations, each with its own session over the one database; a case started at one desk is
 * read at the other; each desk's lock and sign-out are its own; the audit trail names both
 * workstations by their certificates.
 */
let root: string;
let core: OfficeCore;
let office: OfficeTransport;
const desks: Record<'counter' | 'interview', OfficeInvoker> = {} as Record<'counter' | 'interview', OfficeInvoker>;

async function ok<T>(desk: OfficeInvoker, channel: string, input: unknown): Promise<T> {
  const r = await desk(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'avrr-office-core-'));
  const dataDir = join(root, 'server');
  core = createOfficeCore({ dataDir, sealer: devPlaintextSealer, keySlots: { kdfParams: OWASP_MIN_KDF_PARAMS } });
  office = await startOfficeTransport({ dataDir, port: 0, enrolPort: 0, handler: (req) => core.invoke(req.workstation, req.body.channel, req.body.input) });
  for (const [desk, name] of [['counter', 'front-counter-1'], ['interview', 'interview-room-2']] as const) {
    const enrolled = await enrolWorkstation({ url: `https://localhost:${office.enrolPort}`, code: office.createEnrolmentCode().code, name, folder: mkdtempSync(join(root, 'ws-')), sealer: devPlaintextSealer, caFingerprint: office.caFingerprint });
    desks[desk] = officeInvoker({ url: `https://localhost:${office.port}`, credentials: enrolled.credentials });
  }
}, 60_000);

afterAll(async () => {
  desks.counter?.close();
  desks.interview?.close();
  await office?.close();
  core?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the office server: one database, a session per workstation', () => {
  it('serves two desks at once, each with its own session, lock and sign-out, and names both in the audit trail', async () => {
    await ok(desks.counter, 'auth.setup', SUPERVISOR);
    const officer = await ok<{ oneTimePassword: string }>(desks.counter, 'user.create', { username: 'io.desk', displayName: 'Interview Desk', role: 'interview_officer', badgeNumber: 'CBSA-1' });
    // The interview room is not signed in because the counter is.
    expect(await desks.interview('case.list', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await ok(desks.interview, 'auth.signIn', { username: 'io.desk', password: officer.oneTimePassword });
    await ok(desks.interview, 'auth.changePassword', { currentPassword: officer.oneTimePassword, newPassword: 'quiet maples over the harbour 7' });

    // A walk-in started at the counter is read in the interview room.
    const created = await ok<{ id: string; caseNumber: string }>(desks.counter, 'case.create', { intake: intakeWith({ nameAsWritten: 'Office Walkin', nameLatin: 'Office Walkin', dateOfBirth: '1984-02-03', nationality: 'MEX' }) });
    expect(await ok<{ id: string }>(desks.interview, 'case.get', { caseId: created.id })).toMatchObject({ id: created.id });

    // Each desk's state is its own: the counter locks, the interview room keeps working.
    await ok(desks.counter, 'auth.lock', {});
    expect(await desks.counter('case.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await ok<{ total: number }>(desks.interview, 'case.list', {})).toMatchObject({ total: 1 });
    // The counter signs out; the database stays open for the interview room.
    await ok(desks.counter, 'auth.signOut', {});
    expect(await ok<{ total: number }>(desks.interview, 'case.list', {})).toMatchObject({ total: 1 });

    // Both workstations, by certificate, in the trail; the chain verifies.
    await ok(desks.counter, 'auth.signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password });
    const list = await ok<{ rows: { workstation: string; action: string }[] }>(desks.counter, 'audit.list', {});
    const stations = new Set(list.rows.map((r) => r.workstation));
    expect([...stations].some((w) => /^front-counter-1\.[0-9a-f]{8}$/.test(w))).toBe(true);
    expect([...stations].some((w) => /^interview-room-2\.[0-9a-f]{8}$/.test(w))).toBe(true);
    expect(await ok(desks.counter, 'audit.verify', {})).toMatchObject({ ok: true });
  }, 60_000);
});

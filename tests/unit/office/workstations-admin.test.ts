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
import type { AuditPageView } from '../../../shared/schema/audit';
import type { AuthStatus } from '../../../shared/schema/auth';
import type { EnrolmentCodeView, WorkstationList } from '../../../shared/schema/office-admin';
import { makeCore, SUPERVISOR } from '../core/helpers';

/**
 * The supervisor's Workstations channels on the office server (issue 15 point 2), over the real
 * mutual-TLS transport: list (with the caller's own marked), a one-time code with its expiry and
 * the CA fingerprint, a revocation with a reason (never one's own workstation); the enrolment
 * that follows a code is audited by the server itself. A single workstation refuses them all.
 */
let root: string;
let core: OfficeCore;
let office: OfficeTransport;
let counter: OfficeInvoker;
let room: OfficeInvoker;
const opened: OfficeInvoker[] = [];

async function ok<T>(desk: OfficeInvoker, channel: string, input: unknown): Promise<T> {
  const r = await desk(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function enrol(name: string, code: string): Promise<{ id: string; desk: OfficeInvoker }> {
  const enrolled = await enrolWorkstation({ url: `https://localhost:${office.enrolPort}`, code, name, folder: mkdtempSync(join(root, 'ws-')), sealer: devPlaintextSealer, caFingerprint: office.caFingerprint });
  const desk = officeInvoker({ url: `https://localhost:${office.port}`, credentials: enrolled.credentials });
  opened.push(desk);
  return { id: enrolled.id, desk };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'avrr-office-admin-'));
  const dataDir = join(root, 'server');
  core = createOfficeCore({ dataDir, sealer: devPlaintextSealer, keySlots: { kdfParams: OWASP_MIN_KDF_PARAMS } });
  office = await startOfficeTransport({ dataDir, port: 0, enrolPort: 0, handler: (req) => core.invoke(req.workstation, req.body.channel, req.body.input), onEnrolled: (w) => core.recordEnrolment(w) });
  core.attachAdmin(office);
  counter = (await enrol('Front counter 1', office.createEnrolmentCode().code)).desk;
  room = (await enrol('Interview room 2', office.createEnrolmentCode().code)).desk;
}, 60_000);

afterAll(async () => {
  for (const d of opened) d.close();
  await office?.close();
  core?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the Workstations channels on the office server', () => {
  it('lists, makes a code that enrols a third desk (audited by the server), revokes one with a reason, and refuses revoking one\'s own', async () => {
    await ok(counter, 'auth.setup', SUPERVISOR);
    expect(await ok<AuthStatus>(counter, 'auth.status', {})).toMatchObject({ officeServer: true });

    const list = await ok<WorkstationList>(counter, 'office.workstations', {});
    expect(list.caFingerprint).toBe(office.caFingerprint);
    expect(list.workstations.map((w) => [w.name, w.self, w.revokedAt])).toEqual([
      ['Front counter 1', true, null],
      ['Interview room 2', false, null],
    ]);
    expect(list.workstations[0]?.auditName).toMatch(/^Front-counter-1\.[0-9a-f]{8}$/);

    // A code, with its expiry and the fingerprint to read out, enrols a third workstation.
    const code = await ok<EnrolmentCodeView>(counter, 'office.enrolmentCode', {});
    expect(code.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(code.caFingerprint).toBe(office.caFingerprint);
    expect(new Date(code.expiresAt).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const clerkDesk = await enrol('Clerk desk', code.code);
    expect((await ok<WorkstationList>(counter, 'office.workstations', {})).workstations.map((w) => w.name)).toContain('Clerk desk');

    // One's own workstation cannot be revoked: a clear refusal, and nothing revoked.
    const self = list.workstations.find((w) => w.self);
    expect(await counter('office.revoke', { id: self?.id, reason: 'testing' })).toMatchObject({ ok: false, error: { code: 'rejected', messageKey: 'workstations.errors.self' } });
    // A reason is needed.
    const target = list.workstations.find((w) => !w.self);
    expect(await counter('office.revoke', { id: target?.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    // The interview room works, then is revoked: its next call fails in the TLS handshake.
    expect(await room('auth.status', {})).toMatchObject({ ok: true });
    expect(await ok(counter, 'office.revoke', { id: target?.id, reason: 'Laptop stolen from room 2' })).toEqual({ revoked: target?.id });
    expect(await room('auth.status', {})).toMatchObject({ ok: false, error: { messageKey: 'office.unreachable' } });
    const after = await ok<WorkstationList>(counter, 'office.workstations', {});
    expect(after.workstations.find((w) => w.id === target?.id)).toMatchObject({ revokedReason: 'Laptop stolen from room 2' });
    expect(after.workstations.find((w) => w.id === target?.id)?.revokedAt).not.toBeNull();
    expect(await counter('office.revoke', { id: target?.id, reason: 'again' })).toMatchObject({ ok: false, error: { messageKey: 'workstations.errors.alreadyRevoked' } });
    expect(await counter('office.revoke', { id: 'abcdef', reason: 'no such one' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The others keep working.
    expect(await clerkDesk.desk('auth.status', {})).toMatchObject({ ok: true });

    // The trail: who made a code, who revoked what, and the enrolment as the server's own entry.
    const trail = await ok<AuditPageView>(counter, 'audit.list', { action: 'office.*' });
    const entries = trail.rows.map((r) => [r.action, r.outcome, r.username, r.workstation, r.detail]);
    expect(entries).toContainEqual(['office.enrolmentCode', 'ok', SUPERVISOR.username, expect.stringMatching(/^Front-counter-1\./), expect.stringMatching(/^expires=/)]);
    expect(entries).toContainEqual(['office.enrolled', 'ok', null, 'office-server', expect.stringMatching(new RegExp(`^workstation=${clerkDesk.id};name=Clerk-desk\\.[0-9a-f]{8};enrolledAt=`))]);
    expect(entries).toContainEqual(['office.revoke', 'ok', SUPERVISOR.username, expect.stringMatching(/^Front-counter-1\./), expect.stringMatching(new RegExp(`^workstation=${target?.id};name=Interview-room-2\\.`))]);
    expect(entries).toContainEqual(['office.revoke', 'error', SUPERVISOR.username, expect.stringMatching(/^Front-counter-1\./), `workstation=${self?.id};name=${self?.auditName}`]);
    // The code itself is nowhere in the trail.
    expect(JSON.stringify(trail.rows)).not.toContain(code.code);
    expect(await ok(counter, 'audit.verify', {})).toMatchObject({ ok: true });
  }, 60_000);

  it('is for supervisors only', async () => {
    const officer = await ok<{ oneTimePassword: string }>(counter, 'user.create', { username: 'fc.desk', displayName: 'Counter Desk', role: 'front_counter' });
    const desk = opened[2];
    if (!desk) throw new Error('no third desk');
    await ok(desk, 'auth.signIn', { username: 'fc.desk', password: officer.oneTimePassword });
    await ok(desk, 'auth.changePassword', { currentPassword: officer.oneTimePassword, newPassword: 'quiet maples over the harbour 7' });
    for (const channel of ['office.workstations', 'office.enrolmentCode']) expect(await desk(channel, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }, 30_000);

  it('an enrolment, and the code and revocation made at the console, while nobody is signed in, are in the trail from the next sign-in', async () => {
    await ok(counter, 'auth.signOut', {});
    const desk = opened[2];
    if (desk) await ok(desk, 'auth.signOut', {});
    // What the server's console does (scripts/office-server.ts): a code, then a revocation.
    const code = office.createEnrolmentCode();
    core.recordConsoleCode(code.expiresAt);
    const late = await enrol('Late desk', code.code);
    const target = office.listWorkstations().find((w) => w.id === late.id);
    if (!target || !office.revokeWorkstation(target.id)) throw new Error('not revoked');
    core.recordConsoleRevocation(target);
    await ok(counter, 'auth.signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password });
    const trail = await ok<AuditPageView>(counter, 'audit.list', { action: 'office.*' });
    const server = trail.rows.filter((r) => r.workstation === 'office-server').map((r) => `${r.action} ${r.detail ?? ''}`);
    expect(server).toContainEqual(`office.enrolmentCode expires=${code.expiresAt.toISOString()}`);
    expect(server).toContainEqual(expect.stringMatching(new RegExp(`^office\\.enrolled workstation=${late.id};name=Late-desk\\.`)));
    expect(server).toContainEqual(expect.stringMatching(new RegExp(`^office\\.revoke workstation=${late.id};name=Late-desk\\.`)));
    expect(await late.desk('auth.status', {})).toMatchObject({ ok: false, error: { messageKey: 'office.unreachable' } });
  }, 30_000);
});

describe('the Workstations channels on a single workstation', () => {
  it('are refused with a clear message, and auth.status says there is no office server', async () => {
    const t = makeCore();
    try {
      await t.ok('auth.setup', SUPERVISOR);
      expect(await t.ok<AuthStatus>('auth.status', {})).toMatchObject({ officeServer: false });
      for (const channel of ['office.workstations', 'office.enrolmentCode']) {
        expect(await t.call(channel, {})).toMatchObject({ ok: false, error: { code: 'rejected', messageKey: 'workstations.errors.notServer' } });
      }
      expect(await t.call('office.revoke', { id: 'abcdef', reason: 'no server here' })).toMatchObject({ ok: false, error: { messageKey: 'workstations.errors.notServer' } });
    } finally {
      t.dispose();
    }
  }, 30_000);
});

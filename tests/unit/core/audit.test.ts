import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAccessServices } from '../../../electron/core/access-services';
import { openEncryptedDatabase } from '../../../electron/core/db/open';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { channelNames } from '../../../shared/ipc/contract';
import type { AuditCsv, AuditPageView, AuditVerifyView } from '../../../shared/schema/audit';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { familyIntake } from '../../fixtures/intakes';
import { makeCore, SUPERVISOR, SUPERVISOR_LOGIN } from './helpers';
import type { TestCore } from './helpers';

async function trail(t: TestCore): Promise<AuditPageView['rows']> {
  return (await t.ok<AuditPageView>('audit.list', { limit: 500 })).rows.reverse();
}

describe('audit trail through the app', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = makeCore();
    await t.ok('auth.setup', SUPERVISOR);
  });
  afterEach(() => t.dispose());

  it('a flood of failed sign-ins leaves the first and the latest attempts and one "N dropped" entry', async () => {
    const small = makeCore({ keySlots: { maxPendingEvents: 10 } });
    try {
      await small.ok('auth.setup', SUPERVISOR);
      await small.ok('auth.signOut', {});
      for (let i = 0; i < 16; i++) expect((await small.call('auth.signIn', { username: `ghost${i}`, password: 'not a password of anyone' })).ok).toBe(false);
      await small.ok('auth.signIn', SUPERVISOR_LOGIN);
      const rows = (await trail(small)).filter((r) => r.action.startsWith('auth.signIn'));
      expect(rows.map((r) => `${r.action}:${r.username ?? '-'}:${r.detail ?? '-'}`)).toEqual([
        ...[0, 1, 2, 3, 4, 11, 12, 13, 14, 15].map((i) => `auth.signInFailed:ghost${i}:-`),
        'auth.signInEventsDropped:-:dropped=6',
        'auth.signIn:sup.ervisor:-',
      ]);
    } finally {
      small.dispose();
    }
  });

  it('account management names the account in its entry, refused attempts included', async () => {
    const made = await t.ok<{ user: { id: string } }>('user.create', { username: 'c.lerk', displayName: 'C Lerk', role: 'clerk' });
    await t.ok('user.resetPassword', { userId: made.user.id });
    await t.ok('user.disable', { userId: made.user.id });
    const self = (await t.ok<{ id: string }[]>('user.list', {})).find((u) => u.id !== made.user.id)?.id ?? '';
    expect((await t.call('user.disable', { userId: self })).ok).toBe(false);
    const rows = (await trail(t)).filter((r) => r.action.startsWith('user.') && r.action !== 'user.list');
    expect(rows.map((r) => `${r.action}:${r.outcome}:${r.detail}`)).toEqual([
      `user.create:ok:target=${made.user.id}`,
      `user.resetPassword:ok:target=${made.user.id}`,
      `user.disable:ok:target=${made.user.id}`,
      `user.disable:error:target=${self}`,
    ]);
  });

  it('each action leaves a row with who, role, case and outcome; denials and failed sign-ins too', async () => {
    const c = await t.ok<CaseDetail>('case.create', { intake: familyIntake([{ relationship: 'principal', nameAsWritten: 'Nguyễn Thị Mai', nameLatin: 'Nguyen Thi Mai', dateOfBirth: '1990-03-03', nationality: 'VNM' }]) });
    await t.ok('case.get', { caseId: c.id });
    await t.ok('case.decide', { caseId: c.id, baseVersion: c.version });
    const clerk = await t.ok<{ oneTimePassword: string }>('user.create', { username: 'c.lerk', displayName: 'C Lerk', role: 'clerk' });
    await t.ok('auth.signIn', { username: 'c.lerk', password: clerk.oneTimePassword });
    await t.ok('auth.changePassword', { currentPassword: clerk.oneTimePassword, newPassword: 'printing all of the packets' });
    await t.call('case.decide', { caseId: c.id, baseVersion: 2 }); // forbidden for a clerk
    await t.ok('auth.signOut', {});
    await t.call('auth.signIn', { username: 'sup.ervisor', password: 'this is not the password' });
    await t.ok('auth.signIn', SUPERVISOR_LOGIN);

    const rows = await trail(t);
    const seen = rows.map((r) => `${r.action}:${r.outcome}:${r.username ?? '-'}:${r.caseId ? 'case' : '-'}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'auth.setup:ok:sup.ervisor:-',
        'case.create:ok:sup.ervisor:case',
        'case.get:ok:sup.ervisor:case',
        'case.decide:ok:sup.ervisor:case',
        'user.create:ok:sup.ervisor:-',
        'auth.signIn:ok:c.lerk:-',
        'auth.changePassword:ok:c.lerk:-',
        'case.decide:denied:c.lerk:-',
        'auth.signOut:ok:c.lerk:-',
        'auth.signInFailed:denied:sup.ervisor:-',
        'auth.signIn:ok:sup.ervisor:-',
      ]),
    );
    expect(rows.find((r) => r.action === 'case.create')?.caseId).toBe(c.id);
    expect(rows.every((r) => r.workstation === 'test-ws')).toBe(true);
    expect(await t.ok<AuditVerifyView>('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('personal values sent through any channel never reach the audit trail', async () => {
    const canaries = ['Zoë-CANARY-Ωmega', 'كناري-سري', 'கனரி-ரகசியம்', '金丝雀秘密', '1984-02-29-canary', 'canary@example.org'];
    const canaryText = fc.constantFrom(...canaries);
    const payload = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, canaryText, fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 3 }),
      object: fc.dictionary(fc.constantFrom('nameAsWritten', 'nameLatin', 'query', 'reason', 'username', 'displayName', 'password', 'notes', 'intake', 'persons', 'caseId'), tie('value'), { maxKeys: 4 }),
    })).value;
    // Valid calls carrying personal data too, not only garbage.
    const created = await t.ok<CaseDetail>('case.create', { intake: familyIntake([{ relationship: 'principal', nameAsWritten: canaries[1]!, nameLatin: canaries[0]!, dateOfBirth: '1984-02-29', nationality: 'SYR' }]) });
    await t.ok('case.list', { query: canaries[2] });
    await t.call('case.withdraw', { caseId: created.id, baseVersion: created.version, date: '2026-11-20', reason: canaries[3] });
    await t.call('auth.signIn', { username: 'canary', password: canaries[0] });
    await t.ok('auth.signIn', SUPERVISOR_LOGIN);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelNames), payload, async (channel, input) => {
        if (channel === 'auth.signOut' || channel === 'auth.lock' || channel === 'auth.setup') return;
        await t.call(channel, input);
        if (channel === 'auth.signIn') await t.ok('auth.signIn', SUPERVISOR_LOGIN);
      }),
      { numRuns: 300, seed: 42 },
    );
    const csv = await t.ok<AuditCsv>('audit.exportCsv', {});
    // The valid calls above are in it (most fuzzed calls are refused as invalid before any entry,
    // so how many of those add one depends on the channel list, not on this property).
    expect(csv.rowCount).toBeGreaterThan(5);
    expect(csv.csv).toContain('case.withdraw');
    for (const c of canaries) expect(csv.csv).not.toContain(c);
    expect(csv.csv).not.toContain('1984-02-29');
    expect(csv.csv).not.toContain(SUPERVISOR.password);
  });

  it('a trail cut short after sign-out is caught against the head kept outside the database', async () => {
    await t.ok('case.list', {});
    await t.ok('auth.signOut', {});
    // Someone with the database key deletes the last entries (and the append-only triggers).
    const access = openAccessServices(t.dataDir, devPlaintextSealer);
    const unlocked = await access.vault.unlock(SUPERVISOR.username, SUPERVISOR.password, t.clock.now);
    if (!unlocked.ok) throw new Error('unlock failed');
    const raw = openEncryptedDatabase(join(t.dataDir, 'avrr.db'), unlocked.dbKey);
    const cut = (raw.sqlite.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s;
    raw.sqlite.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log);');
    raw.close();
    await t.ok('auth.signIn', SUPERVISOR_LOGIN);
    // The next entry reuses the deleted seq; the recorded head shows it is not the entry that was there.
    const v = await t.ok<AuditVerifyView>('audit.verify', {});
    expect(v).toMatchObject({ ok: false, seq: cut });
  });
});

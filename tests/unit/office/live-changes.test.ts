import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWASP_MIN_KDF_PARAMS } from '../../../electron/core/auth/kdf';
import { devPlaintextSealer } from '../../../electron/core/keys/sealer';
import { ChangeLog } from '../../../electron/core/live/change-log';
import { createOfficeCore } from '../../../electron/core/office-core';
import type { CallingWorkstation, OfficeCore } from '../../../electron/core/office-core';
import type { CaseDetail } from '../../../shared/schema/case-api';
import type { ChangeFeed } from '../../../shared/schema/live';
import { SUPERVISOR, intakeWith } from '../core/helpers';

/**
 * Live updates (issue 15 point 4) on the office server's back end: what one desk writes is in the
 * change log every other desk polls, marked `mine` only for the session that wrote it; reads,
 * drafts and writes that rolled back are not; a cursor the log does not know asks for a refresh;
 * polling is not activity for the idle lock.
 */
let root: string;
let core: OfficeCore;
const clock = { now: new Date('2026-11-21T14:00:00Z') };
const counter: CallingWorkstation = { id: 'ws-1', name: 'front-counter-1', fingerprint: 'aa11bb22cc33dd44' };
const interview: CallingWorkstation = { id: 'ws-2', name: 'interview-room-2', fingerprint: 'ee55ff6677889900' };

async function ok<T>(ws: CallingWorkstation, channel: string, input: unknown): Promise<T> {
  const r = await core.invoke(ws, channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const since = (ws: CallingWorkstation, after: string | null) => ok<ChangeFeed>(ws, 'changes.since', { after });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'avrr-live-'));
  core = createOfficeCore({ dataDir: join(root, 'server'), sealer: devPlaintextSealer, keySlots: { kdfParams: OWASP_MIN_KDF_PARAMS }, now: () => clock.now });
  await ok(counter, 'auth.setup', SUPERVISOR);
  const officer = await ok<{ oneTimePassword: string }>(counter, 'user.create', { username: 'io.desk', displayName: 'Ines Officer', role: 'interview_officer', badgeNumber: 'CBSA-1' });
  await ok(interview, 'auth.signIn', { username: 'io.desk', password: officer.oneTimePassword });
  await ok(interview, 'auth.changePassword', { currentPassword: officer.oneTimePassword, newPassword: 'quiet maples over the harbour 7' });
}, 60_000);

afterAll(() => {
  core?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('changes.since: what the other desks wrote', () => {
  it("a case the counter creates and hands over is in the interview room's feed, not marked mine; the counter's own feed marks it mine", async () => {
    const atInterview = (await since(interview, null)).cursor;
    const atCounter = (await since(counter, null)).cursor;
    const created = await ok<CaseDetail>(counter, 'case.create', { intake: intakeWith({ nameAsWritten: 'Live Walkin', nameLatin: 'Live Walkin', dateOfBirth: '1980-01-02', nationality: 'MEX' }) });
    const screened = await ok<CaseDetail>(counter, 'case.screen', { caseId: created.id, baseVersion: created.version, handover: { kind: 'now' } });

    const feed = await since(interview, atInterview);
    expect(feed.reset).toBe(false);
    expect(feed.changes.map((c) => [c.channel, c.caseId, c.mine])).toEqual([
      ['case.create', created.id, false],
      ['case.screen', created.id, false],
    ]);
    // Each with the case's version after it: an open case's page compares it with its own.
    expect(feed.changes.map((c) => c.caseVersion)).toEqual([created.version, screened.version]);
    expect(feed.changes[0]).toMatchObject({ username: SUPERVISOR.username, displayName: SUPERVISOR.displayName, workstation: 'front-counter-1.aa11bb22', at: clock.now.toISOString() });
    expect((await since(counter, atCounter)).changes.every((c) => c.mine)).toBe(true);
    // Asked again from the new cursor: nothing more.
    expect((await since(interview, feed.cursor)).changes).toEqual([]);
  });

  it('reads (even audited ones in a transaction), drafts and a save refused for a stale version leave nothing in the feed', async () => {
    const created = await ok<CaseDetail>(interview, 'case.create', { intake: intakeWith({ nameAsWritten: 'Quiet Reader', nameLatin: 'Quiet Reader', dateOfBirth: '1981-03-04', nationality: 'COL' }) });
    const from = (await since(counter, null)).cursor;
    await ok(interview, 'case.get', { caseId: created.id });
    await ok(interview, 'case.list', {});
    await ok(interview, 'case.overview', { caseId: created.id });
    await ok(interview, 'document.list', { caseId: created.id });
    await ok(interview, 'case.history', { caseId: created.id });
    await ok(counter, 'audit.list', {});
    await ok(interview, 'draft.save', { draftId: crypto.randomUUID(), caseId: created.id, baseVersion: created.version, revision: 0, data: { persons: [{ nameLatin: 'Quiet' }] } });
    expect((await since(counter, from)).changes).toEqual([]);

    // A save on the current version is a change for the other desk.
    await ok(counter, 'case.saveIntake', { caseId: created.id, baseVersion: created.version, intake: created.intake });
    expect((await since(interview, from)).changes).toMatchObject([{ channel: 'case.saveIntake', caseId: created.id, mine: false, workstation: 'front-counter-1.aa11bb22' }]);
    // The interview room's save on the version it started from is refused: it rolled back, nothing to see.
    const after = (await since(counter, null)).cursor;
    const stale = await core.invoke(interview, 'case.saveIntake', { caseId: created.id, baseVersion: created.version, intake: created.intake });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await since(counter, after)).changes).toEqual([]);
  });

  it('a cursor from another run of the server, a garbled one or one ahead of the log asks for a refresh', async () => {
    const { cursor } = await since(interview, null);
    const [, seq] = cursor.split(':');
    for (const after of ['0123456789abcdef:1', 'nonsense', `${cursor.split(':')[0]}:${Number(seq) + 5}`]) {
      expect(await since(interview, after)).toMatchObject({ reset: true, cursor, changes: [] });
    }
  });

  it('a poll does not wait in the queue behind another desk\'s slow call (a sign-in deriving its key)', async () => {
    const order: string[] = [];
    const signIn = core.invoke(counter, 'auth.signIn', { username: SUPERVISOR.username, password: SUPERVISOR.password }).then((r) => order.push(r.ok ? 'sign-in' : 'sign-in failed'));
    const poll = core.invoke(interview, 'changes.since', { after: null }).then((r) => order.push(r.ok ? 'poll' : 'poll failed'));
    await Promise.all([signIn, poll]);
    expect(order).toEqual(['poll', 'sign-in']);
  });

  it('polling is not activity: after the idle period without input the desk locks even though it kept asking', async () => {
    const start = clock.now.getTime();
    for (let minute = 1; minute <= 9; minute++) {
      clock.now = new Date(start + minute * 60_000);
      await since(interview, null);
    }
    clock.now = new Date(start + 10 * 60_000);
    expect(await core.invoke(interview, 'changes.since', { after: null })).toMatchObject({ ok: false, error: { code: 'locked' } });
  });
});

describe('the change log', () => {
  it('a desk further behind than the ring holds is told to refresh; within the ring it gets every entry in order', () => {
    const log = new ChangeLog(3);
    const asker = { username: 'a', workstation: 'w' };
    const start = log.since(null, asker).cursor;
    const write = (n: number) => log.record({ caseId: `c${n}`, caseVersion: 1, channel: 'case.saveIntake', username: 'b', displayName: 'B', workstation: 'x', at: `t${n}` });
    write(1);
    write(2);
    write(3);
    expect(log.since(start, asker).changes.map((c) => c.caseId)).toEqual(['c1', 'c2', 'c3']);
    write(4);
    expect(log.since(start, asker)).toMatchObject({ reset: true, changes: [] });
    log.record({ caseId: 'c5', caseVersion: 1, channel: 'draft.save', username: 'b', displayName: 'B', workstation: 'x', at: 't5' });
    const feed = log.since(`${start.split(':')[0]}:1`, asker);
    expect(feed.changes.map((c) => c.caseId)).toEqual(['c2', 'c3', 'c4']);
  });
});

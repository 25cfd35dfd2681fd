import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import type { DispatchDeps, Handlers } from '../../../electron/core/dispatch';
import type { Session } from '../../../electron/core/context';
import type { OpenDatabase } from '../../../electron/core/db/open';

const session: Session = { userId: 'u1', username: 'officer', displayName: 'Officer', badgeNumber: null, role: 'supervisor', mustChangePassword: false };

/** Every handler answers "personal data"; the audit writer fails the way `failure` says. */
function deps(failure: Error | null, logged: unknown[] = []): DispatchDeps {
  const sqlite = new Database(':memory:');
  const handlers = new Proxy({}, { get: () => () => ({ items: [{ name: 'Ana Personal' }], total: 1 }) }) as Handlers;
  return {
    handlers,
    session: () => session,
    locked: () => false,
    database: () => ({ sqlite, db: {} }) as unknown as OpenDatabase,
    audit: () => {
      if (failure) throw failure;
    },
    now: () => new Date('2026-11-21T14:00:00Z'),
    workstation: 'ws',
    logError: (_c, e) => logged.push(e),
  };
}

function sqliteError(code: string): Error {
  return Object.assign(new Error('database or disk is full'), { code });
}

describe('a read of personal data whose audit entry cannot be written is refused', () => {
  it.each([
    ['case.list', { query: 'Ana' }],
    ['case.findDuplicates', { nameLatin: 'Ana' }],
    ['today.summary', {}],
  ])('%s answers disk_full on SQLITE_FULL, with no data', async (channel, input) => {
    const r = await dispatch(deps(sqliteError('SQLITE_FULL')), channel, input);
    expect(r).toEqual({ ok: false, error: { code: 'disk_full', messageKey: 'errors.disk_full' } });
  });

  it('ENOSPC is a full disk too', async () => {
    const r = await dispatch(deps(sqliteError('ENOSPC')), 'case.list', {});
    expect(r.ok ? null : r.error.code).toBe('disk_full');
  });

  it('any other audit failure refuses the read with its own message, and is logged', async () => {
    const logged: unknown[] = [];
    const r = await dispatch(deps(new Error('boom'), logged), 'today.summary', {});
    expect(r).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.audit_unavailable' } });
    expect(logged).toHaveLength(1);
  });

  it('with a working audit writer the read answers', async () => {
    const r = await dispatch(deps(null), 'case.list', {});
    expect(r.ok).toBe(true);
  });

  it('a write whose audit entry fails on a full disk rolls back and answers disk_full', async () => {
    const d = deps(sqliteError('SQLITE_FULL'));
    const r = await dispatch({ ...d, handlers: new Proxy({}, { get: () => (_i: unknown, ctx: { tx: (id: null, fn: () => number) => number }) => ctx.tx(null, () => 1) }) as Handlers }, 'draft.discard', { draftId: '3f1e6c2a-9a4b-4c1d-8e2f-1a2b3c4d5e6f' });
    expect(r.ok ? null : r.error.code).toBe('disk_full');
  });
});

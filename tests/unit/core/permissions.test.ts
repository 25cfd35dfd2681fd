import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract } from '../../../shared/ipc/contract';
import { can, roles } from '../../../shared/roles';
import type { Role } from '../../../shared/roles';
import { intakeWith, makeCore, withAccounts } from './helpers';
import type { TestCore } from './helpers';

// Every channel x every role against the one permission matrix in shared/roles.ts. The input is
// deliberately invalid: the permission check comes first, so a denied role gets `forbidden`
// and an allowed role gets as far as validation (`invalid_input`), never to a handler.
describe('permission matrix', () => {
  let t: TestCore;
  let accounts: Record<Role, { username: string; password: string }>;
  beforeAll(async () => {
    t = makeCore();
    accounts = await withAccounts(t);
  });
  afterAll(() => t.dispose());

  for (const role of roles) {
    it(`${role}: each channel is allowed or denied exactly as the matrix says`, async () => {
      await t.ok('auth.signIn', accounts[role]);
      const seen: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const channel of channelNames) {
        const access = contract[channel].access;
        if (access === 'public' || access === 'signed_in') continue;
        const r = await t.call(channel, { definitely: 'not valid input' });
        seen[channel] = r.ok ? 'ok' : r.error.code === 'forbidden' ? 'denied' : 'allowed';
        expected[channel] = can(role, access) ? 'allowed' : 'denied';
      }
      expect(seen).toEqual(expected);
    });
  }

  it('a clerk cannot create or decide cases but can read them', async () => {
    await t.ok('auth.signIn', accounts.clerk);
    const create = await t.call('case.create', { intake: intakeWith({ nameAsWritten: 'A', nameLatin: 'A', dateOfBirth: '1990-01-01', nationality: 'MEX' }) });
    expect(create.ok ? 'ok' : create.error.code).toBe('forbidden');
    const list = await t.call('case.list', {});
    expect(list.ok).toBe(true);
  });

  it('an unlisted channel is refused for every role', async () => {
    for (const role of roles) {
      await t.ok('auth.signIn', accounts[role]);
      for (const name of ['case.delete', 'admin.exec', '__proto__', 'constructor', 'toString', '']) {
        const r = await t.call(name, {});
        expect(r.ok ? 'ok' : r.error.code).toBe('unknown_channel');
      }
    }
  });

  it('without a session only the public channels answer', async () => {
    await t.ok('auth.signOut', {});
    for (const channel of channelNames) {
      const access = contract[channel].access;
      if (access === 'public') continue;
      const r = await t.call(channel, {});
      expect(r.ok ? 'ok' : r.error.code, channel).toBe('not_signed_in');
    }
  });
});

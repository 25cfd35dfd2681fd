import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract } from '../../../shared/ipc/contract';
import { ipcErrorCodes } from '../../../shared/ipc/errors';
import { makeCore, SUPERVISOR } from './helpers';
import type { TestCore } from './helpers';

describe('every channel rejects garbage without crashing or writing', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = makeCore();
    await t.ok('auth.setup', SUPERVISOR);
  });
  afterAll(() => t.dispose());

  it('random values on every channel: a typed error value, nothing thrown, no case or account written', async () => {
    const before = await snapshot(t);
    const garbage = fc.oneof(
      fc.anything({ withBigInt: false, withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: true }),
      fc.record({ query: fc.anything(), limit: fc.anything(), offset: fc.anything() }, { requiredKeys: [] }),
      fc.record({ channel: fc.string(), principal: fc.anything() }, { requiredKeys: [] }),
      fc.record({ username: fc.anything(), displayName: fc.anything(), role: fc.anything(), userId: fc.anything() }, { requiredKeys: [] }),
    );
    // Channels whose empty-object input is valid still get called with non-empty garbage only.
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelNames), garbage, async (channel, input) => {
        if (channel === 'auth.signOut' || channel === 'auth.lock') return; // valid with {} and would end the session under test
        if (channel === 'keys.rotate') return; // valid with {}: rotating rewrites the key-slot file on purpose
        // JSON round trip: what actually crosses the IPC / HTTP boundary.
        let wire: unknown;
        try {
          wire = JSON.parse(JSON.stringify(input ?? null) ?? 'null');
        } catch {
          wire = null;
        }
        const r = await t.call(channel, wire);
        if (r.ok) {
          // Success only when the random value happened to be valid input (e.g. {} for a list).
          expect(contract[channel].input.safeParse(wire).success).toBe(true);
        } else {
          expect(ipcErrorCodes).toContain(r.error.code);
          // A valid {} can reach a service's own refusal (backup.run with no folder chosen; the first-run
          // choice and the office server's workstations, which a single workstation's core refuses).
          expect(r.error.messageKey).toMatch(/^(errors|validation|password|backup\.errors|deployment\.errors|workstations\.errors)\./);
        }
      }),
      { numRuns: 600, seed: 20261121 },
    );
    expect(await snapshot(t)).toEqual(before);
  });

  it('non-string channels and non-JSON values are refused', async () => {
    for (const ch of [undefined, null, 42, {}, [], Symbol.iterator.toString()]) {
      const r = await t.core.invoke(ch as unknown as string, {});
      expect(r.ok ? 'ok' : r.error.code).toBe('unknown_channel');
    }
  });
});

/** What a person would see: the cases and accounts that exist. */
async function snapshot(t: TestCore): Promise<unknown> {
  const cases = await t.ok<{ total: number }>('case.list', {});
  const users = await t.ok<unknown[]>('user.list', {});
  const slots = readFileSync(join(t.dataDir, 'keyslots.json'));
  return { cases: cases.total, users: users.length, slotsFileBytes: slots.length };
}

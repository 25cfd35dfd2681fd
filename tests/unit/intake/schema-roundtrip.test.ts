import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared/ipc/errors';
import type { CaseDetail } from '../../../shared/schema/case-api';
import { intakeDocument } from '../../../shared/schema/intake';
import { makeCore, SUPERVISOR } from '../core/helpers';
import type { TestCore } from '../core/helpers';
import { breakers, validIntake } from './arbitraries';

// The intake schema end to end, through the real handler map and encrypted database: what is
// accepted comes back exactly as parsed; what is refused names its fields and writes nothing.
describe('intake schema properties (real core)', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = makeCore();
    await t.ok('auth.setup', SUPERVISOR);
  });
  afterAll(() => t.dispose());

  const caseCount = async () => (await t.ok<{ total: number }>('case.list', { limit: 1 })).total;

  it('1,000 random valid intakes (any script) are saved and read back identical', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(validIntake, async (input) => {
        const parsed = intakeDocument.safeParse(input);
        expect(parsed.success, JSON.stringify(parsed.error?.issues ?? [])).toBe(true);
        const created = await t.ok<CaseDetail>('case.create', { intake: input });
        const got = await t.ok<CaseDetail>('case.get', { caseId: created.id });
        expect(got.intake).toEqual(parsed.data);
        runs++;
      }),
      { numRuns: 1_000 },
    );
    expect(runs).toBe(1_000);
    expect(await caseCount()).toBe(1_000);
  });

  it('random invalid intakes are refused with field-level errors and change nothing', async () => {
    const before = await caseCount();
    await fc.assert(
      fc.asyncProperty(validIntake, fc.constantFrom(...breakers), async (input, breaker) => {
        const bad = breaker.apply(input);
        const r = (await t.call('case.create', { intake: bad })) as IpcResult<CaseDetail>;
        expect(r.ok, breaker.name).toBe(false);
        if (r.ok) return;
        expect(r.error.code).toBe('invalid_input');
        const paths = (r.error.issues ?? []).map((i) => JSON.stringify(i.path));
        expect(paths, breaker.name).toContain(JSON.stringify(['intake', ...breaker.path]));
        for (const issue of r.error.issues ?? []) expect(issue.messageKey).toMatch(/^validation\./);
      }),
      { numRuns: 300 },
    );
    expect(await caseCount()).toBe(before);
  });
});

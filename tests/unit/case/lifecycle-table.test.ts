import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseActions, caseStatuses, lifecycle, requirementIds, stageActions, statusInfo } from '../../../shared/case/lifecycle';
import { permissions } from '../../../shared/roles';
import { makeCore, withAccounts } from '../core/helpers';
import type { TestCore } from '../core/helpers';
import { actionCall, caseIn } from './support';

describe('the lifecycle table', () => {
  it('has an explicit entry for every (status, action) pair, each naming a known permission, requirements and next statuses', () => {
    for (const s of caseStatuses) {
      expect(Object.keys(lifecycle[s]).sort()).toEqual([...caseActions].sort());
      for (const a of caseActions) {
        const t = lifecycle[s][a];
        if (!t.allowed) {
          expect(t.reason).toMatch(/^lifecycle\.refused\./);
          continue;
        }
        expect(permissions).toContain(t.permission);
        for (const r of t.requires) expect(requirementIds).toContain(r);
        expect(t.next.length).toBeGreaterThan(0);
        for (const n of t.next) expect(caseStatuses).toContain(n);
      }
    }
  });

  it('offers a way on from every status that is not final, and from a final one only the correction of a mistaken stage', () => {
    for (const s of caseStatuses) {
      const allowed = caseActions.filter((a) => lifecycle[s][a].allowed && a !== 'withdraw');
      if (statusInfo[s].final) expect(allowed.filter((a) => a !== 'correctStage')).toEqual([]);
      else expect(allowed.length).toBeGreaterThan(0);
    }
  });

  it('can correct every stage it can record: the status before any stage leading here is a correction target', () => {
    for (const from of caseStatuses) {
      for (const a of stageActions) {
        const t = lifecycle[from][a];
        if (!t.allowed) continue;
        for (const to of t.next) {
          const back = lifecycle[to].correctStage;
          expect(back.allowed && back.next.includes(from), `${from} --${a}--> ${to} cannot be corrected`).toBe(true);
        }
      }
    }
  });

  it('corrects only back to where a stage leading here was recorded (no correction target without its stage)', () => {
    for (const to of caseStatuses) {
      const back = lifecycle[to].correctStage;
      if (!back.allowed) continue;
      for (const from of back.next) {
        const leads = stageActions.filter((a) => {
          const t = lifecycle[from][a];
          return t.allowed && t.next.includes(to);
        });
        expect(leads.length, `${to} corrects back to ${from}, but no stage leads from ${from} to ${to}`).toBeGreaterThan(0);
      }
    }
  });

  it('treats a started and a screened intake alike, but for the status a save keeps', () => {
    const { save: draftSave, ...draft } = lifecycle.draft;
    const { save: screenedSave, ...screened } = lifecycle.screened;
    expect(screened).toEqual(draft);
    expect([draftSave.allowed && draftSave.next, screenedSave.allowed && screenedSave.next]).toEqual([['draft'], ['screened']]);
  });

  it('lets a participant withdraw at any stage until the case has ended', () => {
    for (const s of caseStatuses) expect(lifecycle[s].withdraw.allowed).toBe(!statusInfo[s].final);
  });

  it('lets every side exit after referral be corrected, and never a stage before referral', () => {
    for (const s of caseStatuses) {
      const iom = statusInfo[s].phase === 'iom' || statusInfo[s].phase === 'reintegration' || (statusInfo[s].final && s !== 'withdrawn');
      expect(lifecycle[s].correctStage.allowed, s).toBe(iom && s !== 'referred');
    }
  });
});

describe('the back end refuses every pair the table refuses, with the table\'s reason', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = makeCore();
    await withAccounts(t);
    await t.ok('certificate.generateSelfSigned', {});
  });
  afterAll(() => t.dispose());

  for (const status of caseStatuses) {
    it(`in ${status}`, async () => {
      const c = await caseIn(t, status);
      expect(c.status).toBe(status);
      for (const action of caseActions) {
        const rule = lifecycle[status][action];
        if (rule.allowed) continue;
        const { channel, input } = actionCall(c, action);
        const r = await t.call(channel, input);
        expect(r.ok, `${status} / ${action} must be refused`).toBe(false);
        if (!r.ok) expect({ action, key: r.error.messageKey }).toEqual({ action, key: rule.reason });
        // Nothing changed.
        const again = await t.ok<{ version: number; status: string }>('case.get', { caseId: c.id });
        expect({ version: again.version, status: again.status }).toEqual({ version: c.version, status });
      }
    }, 60_000);
  }
});

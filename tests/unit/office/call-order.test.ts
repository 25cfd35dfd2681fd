import { describe, expect, it } from 'vitest';
import { CallOrder, laneOf } from '../../../electron/core/office-call-order';

/** A call that runs until the test lets it finish; records when it started and ended. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    run: async () => {
      log.push(`${name} start`);
      await opened;
      log.push(`${name} end`);
    },
    finish: open,
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the office server serves calls from many desks', () => {
  it('writes on two cases run side by side; on one case, one after the other', async () => {
    const order = new CallOrder();
    const log: string[] = [];
    const packetA = gate(log, 'packet A');
    const saveB = gate(log, 'save B');
    const saveA = gate(log, 'save A');
    void order.schedule('desk 1', laneOf('referral.create', { caseId: 'A' }), packetA.run);
    void order.schedule('desk 2', laneOf('case.saveIntake', { caseId: 'B' }), saveB.run);
    void order.schedule('desk 3', laneOf('case.saveIntake', { caseId: 'A' }), saveA.run);
    await tick();
    // B's save does not wait for A's packet; A's save does.
    expect([...log].sort()).toEqual(['packet A start', 'save B start']);
    saveB.finish();
    await tick();
    expect(log.slice(2)).toEqual(['save B end']);
    packetA.finish();
    await tick();
    expect(log.slice(3)).toEqual(['packet A end', 'save A start']);
    saveA.finish();
  });

  it('a write of no single case waits for every write before it, and every write after it waits for it', async () => {
    const order = new CallOrder();
    const log: string[] = [];
    const packetA = gate(log, 'packet A');
    const account = gate(log, 'new account');
    const saveB = gate(log, 'save B');
    const read = gate(log, 'search');
    void order.schedule('desk 1', laneOf('referral.create', { caseId: 'A' }), packetA.run);
    void order.schedule('desk 2', laneOf('user.create', { username: 'x' }), account.run);
    void order.schedule('desk 3', laneOf('case.saveIntake', { caseId: 'B' }), saveB.run);
    void order.schedule('desk 4', laneOf('case.list', {}), read.run);
    await tick();
    // The search waits for nothing; the account waits for the packet; B's save for the account.
    expect([...log].sort()).toEqual(['packet A start', 'search start']);
    packetA.finish();
    await tick();
    expect(log.slice(2)).toEqual(['packet A end', 'new account start']);
    account.finish();
    await tick();
    expect(log.slice(4)).toEqual(['new account end', 'save B start']);
    saveB.finish();
    read.finish();
  });

  it("each desk's own calls keep their order, reads included", async () => {
    const order = new CallOrder();
    const log: string[] = [];
    const save = gate(log, 'save');
    const read = gate(log, 'read back');
    void order.schedule('desk 1', laneOf('case.saveIntake', { caseId: 'A' }), save.run);
    void order.schedule('desk 1', laneOf('case.get', { caseId: 'A' }), read.run);
    await tick();
    expect(log).toEqual(['save start']);
    save.finish();
    await tick();
    expect(log).toEqual(['save start', 'save end', 'read back start']);
    read.finish();
  });

  it('a case write without a readable case id, or a channel on no list, is served alone', () => {
    expect(laneOf('case.saveIntake', { caseId: 42 })).toEqual({ kind: 'alone' });
    expect(laneOf('case.saveIntake', null)).toEqual({ kind: 'alone' });
    expect(laneOf('iom.applyImport', { caseId: 'A' })).toEqual({ kind: 'alone' });
    expect(laneOf('case.decide', { caseId: 'A' })).toEqual({ kind: 'keyed', key: 'case:A' });
    // A draft's key is the draft, whatever case it belongs to; a draft id is never taken for a case.
    expect(laneOf('draft.save', { draftId: 'D', caseId: 'A' })).toEqual({ kind: 'keyed', key: 'draft:D' });
    expect(laneOf('case.decide', { draftId: 'D' })).toEqual({ kind: 'alone' });
  });

  it('a failed call does not stop the ones after it', async () => {
    const order = new CallOrder();
    const failing = order.schedule('desk 1', laneOf('case.decide', { caseId: 'A' }), () => Promise.reject(new Error('refused')));
    const next = order.schedule('desk 2', laneOf('case.decide', { caseId: 'A' }), () => Promise.resolve('decided'));
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBe('decided');
  });
});

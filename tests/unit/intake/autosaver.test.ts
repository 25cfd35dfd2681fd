import { describe, expect, it } from 'vitest';
import { IpcCallError } from '../../../renderer/src/ipc';
import { DraftAutosaver } from '../../../renderer/src/hooks/draft-autosaver';
import type { DraftBinding, SaveState } from '../../../renderer/src/hooks/draft-autosaver';
import type { DraftSaved } from '../../../shared/schema/case-api';
import { ipcError } from '../../../shared/ipc/errors';
import type { IpcErrorCode } from '../../../shared/ipc/errors';

/** A hand-driven clock: timers run only when the test says so. */
function harness(opts: { fail?: (n: number) => IpcErrorCode | 'network' | null; canSave?: () => boolean } = {}) {
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  let value = { name: '' };
  const saves: (DraftBinding & { data: unknown })[] = [];
  const states: SaveState[] = [];
  const saver = new DraftAutosaver(
    {
      save: async (input) => {
        saves.push(input);
        const f = opts.fail?.(saves.length);
        if (f === 'network') throw new TypeError('Failed to fetch');
        if (f) throw new IpcCallError(ipcError(f));
        return { draftId: input.draftId, revision: input.revision + 1, savedAt: 'now' } satisfies DraftSaved;
      },
      canSave: opts.canSave ?? (() => true),
      snapshot: () => JSON.stringify(value),
      onState: (s) => states.push(s),
      errorCode: (e) => (e instanceof IpcCallError ? e.error.code : null),
      setTimer: (fn, ms) => {
        const id = nextId++;
        timers.push({ at: now + ms, fn, id });
        return id;
      },
      clearTimer: (id) => {
        const i = timers.findIndex((x) => x.id === id);
        if (i >= 0) timers.splice(i, 1);
      },
    },
    { draftId: 'd1', caseId: null, baseVersion: null, revision: 0 },
    JSON.stringify(value),
  );
  return {
    saver,
    saves,
    states,
    type(name: string) {
      value = { name };
      saver.changed();
    },
    async advance(ms: number) {
      now += ms;
      for (;;) {
        const due = timers.filter((x) => x.at <= now).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.splice(timers.indexOf(due), 1);
        due.fn();
        await new Promise((r) => setTimeout(r, 0));
      }
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('draft autosaver (renderer)', () => {
  it('debounces typing into one save with the latest text, then builds on the returned revision', async () => {
    const h = harness();
    h.type('A');
    await h.advance(300);
    h.type('Am');
    await h.advance(300);
    h.type('Ami');
    expect(h.saves).toHaveLength(0);
    await h.advance(700);
    expect(h.saves).toEqual([{ draftId: 'd1', caseId: null, baseVersion: null, revision: 0, data: { name: 'Ami' } }]);
    h.type('Amin');
    await h.advance(700);
    expect(h.saves[1]?.revision).toBe(1);
    expect(h.states.at(-1)).toBe('saved');
  });

  it('retries a save refused while locked, and keeps the text', async () => {
    const h = harness({ fail: (n) => (n === 1 ? 'locked' : null) });
    h.type('Wang');
    await h.advance(700);
    expect(h.states.at(-1)).toBe('retrying');
    await h.advance(2_000);
    expect(h.saves).toHaveLength(2);
    expect(h.saves[1]?.data).toEqual({ name: 'Wang' });
    expect(h.states.at(-1)).toBe('saved');
  });

  it('stops on a stale revision (conflict): never overwrites what another window saved', async () => {
    const h = harness({ fail: () => 'conflict' });
    h.type('x');
    await h.advance(700);
    expect(h.states.at(-1)).toBe('conflict');
    h.type('xy');
    await h.advance(60_000);
    expect(h.saves).toHaveLength(1);
  });

  it('never saves for a session that is not the author’s (lock screen, user switch)', async () => {
    let allowed = false;
    const h = harness({ canSave: () => allowed });
    h.type('private');
    await h.advance(700);
    await h.advance(2_000);
    expect(h.saves).toHaveLength(0);
    expect(h.states.at(-1)).toBe('retrying');
    allowed = true;
    await h.advance(4_000);
    expect(h.saves).toHaveLength(1);
  });

  it('flush saves at once; nothing is saved when nothing changed; suspend stops saving', async () => {
    const h = harness();
    await h.saver.flush();
    expect(h.saves).toHaveLength(0);
    h.type('now');
    await h.saver.flush();
    expect(h.saves).toHaveLength(1);
    h.saver.suspend();
    h.type('later');
    await h.advance(5_000);
    expect(h.saves).toHaveLength(1);
  });

  for (const code of ['forbidden', 'rejected', 'not_found'] as const) {
    it(`stops on a refusal a retry cannot fix (${code}), says why, and never retries`, async () => {
      const h = harness({ fail: () => code });
      h.type('Nadia');
      await h.advance(700);
      expect(h.states.at(-1)).toBe('stopped');
      expect(h.saver.getStatus()).toMatchObject({ state: 'stopped', error: code });
      await h.advance(120_000);
      h.type('Nadia K');
      await h.advance(120_000);
      expect(h.saves).toHaveLength(1);
      expect(h.saver.getStatus().error).toBe(code);
    });
  }

  it('invalid input: no retry on a timer, but the next change is tried again', async () => {
    const h = harness({ fail: (n) => (n === 1 ? 'invalid_input' : null) });
    h.type('x'.repeat(10));
    await h.advance(700);
    expect(h.saver.getStatus()).toMatchObject({ state: 'stopped', error: 'invalid_input' });
    await h.advance(120_000);
    expect(h.saves).toHaveLength(1);
    h.type('fixed');
    await h.advance(700);
    expect(h.saves).toHaveLength(2);
    expect(h.saver.getStatus()).toMatchObject({ state: 'saved', error: null });
  });

  it('retries transient errors (internal, network) with back-off until the save succeeds', async () => {
    const h = harness({ fail: (n) => (n === 1 ? 'internal' : n === 2 ? 'network' : null) });
    h.type('Oumar');
    await h.advance(700);
    expect(h.states.at(-1)).toBe('retrying');
    await h.advance(2_000);
    expect(h.saves).toHaveLength(2);
    expect(h.states.at(-1)).toBe('retrying');
    await h.advance(4_000);
    expect(h.saves).toHaveLength(3);
    expect(h.saves[2]?.data).toEqual({ name: 'Oumar' });
    expect(h.saver.getStatus()).toMatchObject({ state: 'saved', error: null });
  });

  it('a rebind (the case was saved) clears a stop', async () => {
    const h = harness({ fail: (n) => (n === 1 ? 'rejected' : null) });
    h.type('a');
    await h.advance(700);
    expect(h.saver.getStatus().state).toBe('stopped');
    h.saver.rebind({ draftId: 'd2', caseId: 'c1', baseVersion: 2, revision: 0 }, JSON.stringify({ name: 'a' }));
    h.type('ab');
    await h.advance(700);
    expect(h.saves).toHaveLength(2);
    expect(h.saver.getStatus().state).toBe('saved');
  });
});

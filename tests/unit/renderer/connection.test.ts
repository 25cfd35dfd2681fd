import { describe, expect, it } from 'vitest';
import { ConnectionMonitor, isUnreachable, retryDelayMs } from '../../../renderer/src/connection';
import type { ConnectionState } from '../../../renderer/src/connection';
import { ipcError } from '../../../shared/ipc/errors';

/** A hand-driven clock and a server that is up or down as the test says; nothing runs on its own. */
function harness() {
  let now = 1_000_000;
  let up = false;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  let probes = 0;
  let reconnected = 0;
  const monitor: ConnectionMonitor = new ConnectionMonitor({
    probe: async () => {
      probes++;
      monitor.report(up ? 'answered' : 'unreachable');
    },
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  monitor.onReconnected(() => reconnected++);
  const states: ConnectionState[] = [];
  monitor.subscribe(() => states.push(monitor.getState()));
  return {
    monitor,
    states,
    get probes() {
      return probes;
    },
    get reconnected() {
      return reconnected;
    },
    get pending() {
      return timers.length;
    },
    serverUp(v: boolean) {
      up = v;
    },
    /** Moves the clock to the next timer and runs it; answers how long that was. */
    async next(): Promise<number> {
      timers.sort((a, b) => a.at - b.at);
      const t = timers.shift();
      if (!t) throw new Error('no timer');
      const waited = t.at - now;
      now = t.at;
      t.fn();
      await Promise.resolve();
      await Promise.resolve();
      return waited;
    },
    async settle() {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
}

describe('the office server connection, as the workstation sees it', () => {
  it('tells an unreachable server from any other answer', () => {
    expect(isUnreachable(ipcError('internal', { messageKey: 'office.unreachable', params: { cause: 'ECONNREFUSED' } }))).toBe(true);
    expect(isUnreachable(ipcError('internal'))).toBe(false);
    expect(isUnreachable(ipcError('not_signed_in'))).toBe(false);
  });

  it('is reachable until a call cannot reach the server; then the next try is due, with nothing tried yet', () => {
    const h = harness();
    expect(h.monitor.getState()).toEqual({ reachable: true });
    h.monitor.report('answered');
    expect(h.states).toEqual([]);
    h.monitor.report('unreachable');
    expect(h.monitor.getState()).toEqual({ reachable: false, nextTryAt: 1_000_000 + 2_000, failedTries: 0 });
    expect(h.probes).toBe(0);
  });

  it('tries again with back-off (2, 4, 8, 16, then every 30 seconds) while the server stays away', async () => {
    const h = harness();
    h.monitor.report('unreachable');
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) waits.push(await h.next());
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(h.probes).toBe(7);
    expect(h.pending).toBe(1);
    expect(retryDelayMs(100)).toBe(30_000);
  });

  it('other calls failing meanwhile do not push the next try back', async () => {
    const h = harness();
    h.monitor.report('unreachable');
    const due = h.monitor.getState();
    h.monitor.report('unreachable');
    h.monitor.report('unreachable');
    expect(h.monitor.getState()).toBe(due);
    expect(h.pending).toBe(1);
  });

  it('is reachable again, once, as soon as any call gets an answer; no try is left scheduled', async () => {
    const h = harness();
    h.monitor.report('unreachable');
    await h.next();
    h.serverUp(true);
    h.monitor.report('answered');
    expect(h.monitor.getState()).toEqual({ reachable: true });
    expect(h.reconnected).toBe(1);
    expect(h.pending).toBe(0);
    h.monitor.report('answered');
    expect(h.reconnected).toBe(1);
  });

  it('a scheduled try that reaches the server ends the outage', async () => {
    const h = harness();
    h.monitor.report('unreachable');
    await h.next();
    h.serverUp(true);
    await h.next();
    expect(h.monitor.getState()).toEqual({ reachable: true });
    expect(h.reconnected).toBe(1);
    expect(h.pending).toBe(0);
  });

  it('"Try again now" tries at once, says a try is under way, and keeps the back-off if it fails', async () => {
    const h = harness();
    h.monitor.report('unreachable');
    h.monitor.tryNow();
    expect(h.monitor.getState()).toMatchObject({ reachable: false, nextTryAt: null });
    await h.settle();
    expect(h.probes).toBe(1);
    expect(h.monitor.getState()).toEqual({ reachable: false, nextTryAt: 1_000_000 + 4_000, failedTries: 1 });
    expect(h.pending).toBe(1);
    h.serverUp(true);
    h.monitor.tryNow();
    await h.settle();
    expect(h.monitor.getState()).toEqual({ reachable: true });
    expect(h.pending).toBe(0);
    // Reachable: nothing to try.
    h.monitor.tryNow();
    expect(h.probes).toBe(2);
  });

  it('a try that throws counts as the server unreachable', async () => {
    let now = 0;
    const timers: (() => void)[] = [];
    const monitor = new ConnectionMonitor({
      probe: () => Promise.reject(new TypeError('Failed to fetch')),
      now: () => now,
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
    });
    monitor.report('unreachable');
    now = 2_000;
    monitor.tryNow();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(monitor.getState()).toEqual({ reachable: false, nextTryAt: 6_000, failedTries: 1 });
  });
});

import type { IpcError, IpcResult } from '../../shared/ipc/errors';

/**
 * Whether the office server answers (issue 15 point 5). Every call's answer is reported here
 * (ipc.ts): one that could not reach the server marks it unreachable, any other answer reachable
 * again. While unreachable, a light call (auth.status) is tried with back-off, or at once when
 * the officer asks; what was typed stays in the page's memory meanwhile (the autosaver keeps
 * retrying its draft), never in browser storage.
 */
export type ConnectionState =
  | { readonly reachable: true }
  | {
      readonly reachable: false;
      /** When the next try is due (ms since the epoch), or null while a try is under way. */
      readonly nextTryAt: number | null;
      /** Tries that failed since the server was lost. */
      readonly failedTries: number;
    };

/** A workstation's call that could not reach the office server (electron/office/client.ts). */
export function isUnreachable(error: IpcError): boolean {
  return error.code === 'internal' && error.messageKey === 'office.unreachable';
}

/** Wait before the n-th try (n from 1): 2, 4, 8, 16 seconds, then every 30 seconds. */
export function retryDelayMs(failedTries: number): number {
  return Math.min(30_000, 2_000 * 2 ** Math.max(0, failedTries - 1));
}

export interface ConnectionDeps {
  /** One light call to the server; its answer is reported through `report` like any other. */
  probe(): Promise<void>;
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export class ConnectionMonitor {
  private state: ConnectionState = { reachable: true };
  private timer: unknown = null;
  private probing = false;
  private readonly listeners = new Set<() => void>();
  private readonly reconnectedListeners = new Set<() => void>();

  constructor(private readonly deps: ConnectionDeps) {}

  /** For useSyncExternalStore: only what shows the state re-renders. */
  readonly subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  readonly getState = (): ConnectionState => this.state;

  /** Told once each time the server answers again after being unreachable. */
  onReconnected(fn: () => void): () => void {
    this.reconnectedListeners.add(fn);
    return () => this.reconnectedListeners.delete(fn);
  }

  /** A call's outcome: it reached the server (whatever the answer) or it could not. */
  report(outcome: 'answered' | 'unreachable'): void {
    if (outcome === 'answered') {
      if (this.state.reachable) return;
      this.cancelTimer();
      this.set({ reachable: true });
      for (const fn of this.reconnectedListeners) fn();
      return;
    }
    // The first call to fail starts the tries; later failures (or a try's own, which schedules
    // the next when it ends) do not push the next try back.
    if (this.state.reachable) this.scheduleAfter(0);
  }

  /** "Try again now": the next try starts at once (ignored while one is under way). */
  tryNow(): void {
    if (this.state.reachable || this.probing) return;
    this.cancelTimer();
    void this.probe();
  }

  private async probe(): Promise<void> {
    if (this.state.reachable) return;
    const failedBefore = this.state.failedTries;
    this.probing = true;
    this.set({ reachable: false, nextTryAt: null, failedTries: failedBefore });
    try {
      await this.deps.probe();
    } catch {
      // A probe that throws counts as unreachable.
    } finally {
      this.probing = false;
    }
    if (!this.state.reachable) this.scheduleAfter(failedBefore + 1);
  }

  private scheduleAfter(failedTries: number): void {
    this.cancelTimer();
    const delay = retryDelayMs(failedTries + 1);
    this.set({ reachable: false, nextTryAt: this.deps.now() + delay, failedTries });
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      void this.probe();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  private set(next: ConnectionState): void {
    this.state = next;
    for (const fn of this.listeners) fn();
  }
}

/** The page's one monitor: every call reports to it; its try is auth.status, the lightest call. */
export const connection = new ConnectionMonitor({
  probe: async () => reportAnswer(await window.avrr.invoke('auth.status', {})),
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

/** What ipc.ts tells the monitor of each answer. */
export function reportAnswer(result: IpcResult<unknown>): void {
  connection.report(!result.ok && isUnreachable(result.error) ? 'unreachable' : 'answered');
}

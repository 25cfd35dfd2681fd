import type { DraftSaved } from '../../../shared/schema/case-api';
import type { IpcErrorCode } from '../../../shared/ipc/errors';

export type SaveState = 'clean' | 'pending' | 'saving' | 'saved' | 'retrying' | 'conflict' | 'stopped';

/** Refusals a retry cannot fix: autosave stops and says why (the typed text stays on screen). */
export const PERMANENT_ERRORS: readonly IpcErrorCode[] = ['invalid_input', 'forbidden', 'rejected', 'not_found', 'unknown_channel'];

export interface SaveStatus {
  state: SaveState;
  savedAt: string | null;
  /** Why autosave stopped (state 'stopped'), else null. */
  error: IpcErrorCode | null;
}

/** Which draft the saves go to, and the revision the next save builds on. */
export interface DraftBinding {
  draftId: string;
  caseId: string | null;
  baseVersion: number | null;
  revision: number;
}

export interface AutosaverDeps {
  save(input: DraftBinding & { data: unknown }): Promise<DraftSaved>;
  /** False while locked or after another person signed in: their session must never get this draft. */
  canSave(): boolean;
  /** The form as JSON, read at save time (not at change time: the latest keystroke wins). */
  snapshot(): string;
  onState?(state: SaveState, savedAt: string | null): void;
  errorCode(e: unknown): IpcErrorCode | null;
  delayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Debounced autosave of one form to one draft. Saves run one at a time, in order; a save that
 * fails for a passing reason (lock, network, internal) is retried with back-off; a stale revision
 * (`conflict`) stops autosave, because overwriting would lose what another window saved; a
 * refusal that cannot succeed (invalid input, forbidden, rejected, not found) stops retrying
 * and says so. Invalid input is tried again on the next change (the officer may have fixed it).
 */
export class DraftAutosaver {
  private timer: unknown = null;
  private chain: Promise<void> = Promise.resolve();
  private attempt = 0;
  private forced = false;
  private suspended = false;
  private state: SaveState = 'clean';
  private stoppedBy: IpcErrorCode | null = null;
  private status: SaveStatus = { state: 'clean', savedAt: null, error: null };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly deps: AutosaverDeps,
    private binding: DraftBinding,
    private lastJson: string,
  ) {
    if (binding.revision > 0) this.status = { state: 'saved', savedAt: null, error: null };
  }

  /** The save state as a tiny store: only the status line re-renders when it changes, never the form. */
  readonly subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  readonly getStatus = (): SaveStatus => this.status;

  get current(): DraftBinding {
    return this.binding;
  }

  /** The form changed: save after a pause in typing. */
  changed(): void {
    if (this.suspended || this.state === 'conflict' || this.hopeless()) return;
    this.set('pending');
    this.schedule(this.deps.delayMs ?? 700);
  }

  /** Save now whatever is pending; resolves when the draft in the database is up to date (or cannot be). */
  flush(): Promise<void> {
    this.cancelTimer();
    this.chain = this.chain.then(() => this.saveOnce());
    return this.chain;
  }

  /** Save even if nothing changed (the draft's base version changed: "keep my changes"). */
  markDirty(): void {
    this.forced = true;
    this.changed();
  }

  /** Stop saving (the draft is about to become a case, or be replaced). */
  suspend(): void {
    this.suspended = true;
    this.cancelTimer();
  }

  /** Save to another draft from now on (e.g. after the case was saved and its draft deleted). */
  rebind(binding: DraftBinding, lastJson: string): void {
    this.binding = binding;
    this.lastJson = lastJson;
    this.forced = false;
    this.suspended = false;
    this.attempt = 0;
    this.stoppedBy = null;
    this.set(binding.revision > 0 ? 'saved' : 'clean');
  }

  /** The edits now build on another version of the case (after our own save, or "keep my changes"). */
  rebase(baseVersion: number): void {
    this.binding = { ...this.binding, baseVersion };
    // A stored draft must learn its new base, or reopening the case would show a false conflict.
    if (this.binding.revision > 0) this.markDirty();
  }

  resume(): void {
    this.suspended = false;
  }

  /** Unmounting: stop timers; save what is pending only if this person may still save. */
  stop(): Promise<void> {
    this.cancelTimer();
    if (this.state === 'pending' || this.state === 'retrying') return this.flush();
    return Promise.resolve();
  }

  /** Stopped by a refusal that no edit of the text can fix (only invalid input can be fixed). */
  private hopeless(): boolean {
    return this.state === 'stopped' && this.stoppedBy !== 'invalid_input';
  }

  private async saveOnce(): Promise<void> {
    if (this.suspended || this.state === 'conflict' || this.hopeless()) return;
    const json = this.deps.snapshot();
    if (json === this.lastJson && !this.forced) {
      if (this.state !== 'clean') this.set('saved');
      return;
    }
    if (!this.deps.canSave()) return this.retryLater();
    this.set('saving');
    try {
      const r = await this.deps.save({ ...this.binding, data: JSON.parse(json) as unknown });
      this.binding = { ...this.binding, revision: r.revision };
      this.lastJson = json;
      this.forced = false;
      this.attempt = 0;
      // Typing during the save: the timer of that change still runs and saves it.
      this.set(this.timer === null ? 'saved' : 'pending', r.savedAt);
    } catch (e) {
      const code = this.deps.errorCode(e);
      if (code === 'conflict') this.set('conflict');
      else if (code !== null && PERMANENT_ERRORS.includes(code)) {
        this.stoppedBy = code;
        this.set('stopped');
      } else this.retryLater();
    }
  }

  private retryLater(): void {
    this.attempt++;
    this.set('retrying');
    this.schedule(Math.min(30_000, 1_000 * 2 ** Math.min(this.attempt, 5)));
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    const set = this.deps.setTimer ?? ((fn: () => void, t: number) => setTimeout(fn, t));
    this.timer = set(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    (this.deps.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = null;
  }

  private set(state: SaveState, savedAt: string | null = null): void {
    this.state = state;
    if (state !== 'stopped' && state !== 'pending') this.stoppedBy = null;
    const next: SaveStatus = { state, savedAt: savedAt ?? this.status.savedAt, error: state === 'stopped' ? this.stoppedBy : null };
    if (next.state === this.status.state && next.savedAt === this.status.savedAt && next.error === this.status.error) return;
    this.status = next;
    this.deps.onState?.(state, savedAt);
    for (const fn of this.listeners) fn();
  }
}

import type { ChannelName } from '../../shared/ipc/contract';

/**
 * In which order the office server serves calls from many desks (electron/core/office-core.ts).
 *
 * better-sqlite3 is synchronous: every transaction runs to its end without anything else in the
 * middle. What can interleave is a call that awaits between its steps: a document is read from
 * the case, rendered and signed (in a worker, a few hundred milliseconds), then stored in a
 * transaction that checks the case's version again. So:
 *
 * - each desk's own calls keep their order (a read sent after its own save sees the save);
 * - reads (READS_ALONGSIDE_WRITES) wait for nothing else: each reads in one synchronous stretch
 *   and sees what is committed;
 * - writes on one case (CASE_WRITES, keyed by the input's caseId) are one at a time for that
 *   case, and run beside writes on other cases: an officer saving case A does not wait for a
 *   referral packet being made for case B. Every such handler reads and writes that case only
 *   (its documents' numbers, versions, stages), so another case's write in the middle of its
 *   await changes nothing it relies on. The same holds for a person's own draft (DRAFT_WRITES,
 *   keyed by the draft: one synchronous transaction on that draft's rows) and for a new case
 *   (`case.create`, one synchronous transaction that touches no existing case);
 * - every other write (sign-in and out, accounts, certificates, settings, keys, backups, an IOM
 *   file, disposal, a print…) is served alone: it waits for every write before it, and every
 *   write after it waits for it. A channel on neither list is served that way: slower under
 *   load, never wrong.
 */

/** Channels that read only (and write only the read's own audit entry). */
export const READS_ALONGSIDE_WRITES: ReadonlySet<string> = new Set<ChannelName>([
  'case.list',
  'case.officers',
  'case.get',
  'case.overview',
  'case.history',
  'today.summary',
  'today.tasks',
  'appointment.day',
  'appointment.slots',
  'appointment.forCase',
  'document.list',
  'document.printQueue',
  'consent.get',
  'attachment.list',
  'draft.get',
  'user.list',
  'certificate.status',
]);

/** Writes that change one case, named by `input.caseId`, and nothing another case's write relies on. */
export const CASE_WRITES: ReadonlySet<string> = new Set<ChannelName>([
  'case.saveIntake',
  'case.screen',
  'case.decide',
  'case.review',
  'case.reopen',
  'case.withdraw',
  'stage.record',
  'stage.correct',
  'consent.generateForm',
  'consent.record',
  'referral.create',
  'letter.generateIneligibility',
]);

/** Writes of one person's own draft, named by `input.draftId`. */
export const DRAFT_WRITES: ReadonlySet<string> = new Set<ChannelName>(['draft.save', 'draft.discard']);

/** `key`: what the write changes (a case, a draft, the new-case counter); writes with one key go one at a time. */
type Lane = { kind: 'read' } | { kind: 'keyed'; key: string } | { kind: 'alone' };

/** Where a call goes; a keyed write without a readable id (bad input) is served alone. */
export function laneOf(channel: string, input: unknown): Lane {
  if (READS_ALONGSIDE_WRITES.has(channel)) return { kind: 'read' };
  if (channel === 'case.create') return { kind: 'keyed', key: 'case.create' };
  const id = (field: string): string | null => {
    if (typeof input !== 'object' || input === null) return null;
    const value: unknown = Reflect.get(input, field);
    return typeof value === 'string' ? value : null;
  };
  const caseId = CASE_WRITES.has(channel) ? id('caseId') : null;
  if (caseId !== null) return { kind: 'keyed', key: `case:${caseId}` };
  const draftId = DRAFT_WRITES.has(channel) ? id('draftId') : null;
  if (draftId !== null) return { kind: 'keyed', key: `draft:${draftId}` };
  return { kind: 'alone' };
}

const settle = (p: Promise<unknown>): Promise<void> => p.then(
  () => undefined,
  () => undefined,
);

export class CallOrder {
  /** The last call served alone; every later write waits for it. */
  private lastAlone: Promise<void> = Promise.resolve();
  /** Keyed writes started or waiting since then: the next call served alone waits for them all. */
  private readonly keyedWrites = new Set<Promise<void>>();
  private readonly lastOfKey = new Map<string, Promise<void>>();
  private readonly lastOfDesk = new Map<string, Promise<void>>();

  /** Serve `run` for `desk` in its place (see above); answers what `run` answers. */
  schedule<T>(desk: string, lane: Lane, run: () => Promise<T>): Promise<T> {
    const mine = this.lastOfDesk.get(desk) ?? Promise.resolve();
    let before: Promise<unknown>;
    if (lane.kind === 'read') before = mine;
    else if (lane.kind === 'keyed') before = Promise.all([mine, this.lastAlone, this.lastOfKey.get(lane.key)]);
    else before = Promise.all([mine, this.lastAlone, ...this.keyedWrites]);
    const result = before.then(run, run);
    const done = settle(result);
    this.lastOfDesk.set(desk, done);
    if (lane.kind === 'keyed') {
      this.keyedWrites.add(done);
      this.lastOfKey.set(lane.key, done);
      void done.then(() => {
        this.keyedWrites.delete(done);
        if (this.lastOfKey.get(lane.key) === done) this.lastOfKey.delete(lane.key);
      });
    } else if (lane.kind === 'alone') {
      this.lastAlone = done;
      this.keyedWrites.clear();
    }
    void done.then(() => {
      if (this.lastOfDesk.get(desk) === done) this.lastOfDesk.delete(desk);
    });
    return result;
  }

  /** Work of the server's own, served alone (an audit entry it writes by itself). */
  alone(run: () => Promise<void>): void {
    void this.schedule('office-server', { kind: 'alone' }, run);
  }
}

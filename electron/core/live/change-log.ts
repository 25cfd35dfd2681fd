import { randomBytes } from 'node:crypto';
import type { ChangeFeed, LiveChange } from '../../../shared/schema/live';

/** How many recent writes the log keeps; a desk further behind than this refreshes everything. */
export const CHANGE_LOG_SIZE = 2000;

/**
 * Writes that change nothing anyone else sees: a person's own drafts (autosaved every few
 * seconds while they type). They are not logged, so another desk neither refreshes its lists
 * nor says that the case changed.
 */
const PRIVATE_WRITES: ReadonlySet<string> = new Set(['draft.save', 'draft.discard']);

/** One committed write, as the change log keeps it (in memory only): a LiveChange before it is someone's. */
export type ChangeEntry = Omit<LiveChange, 'mine'> & { seq: number };

/** Who is asking: their own writes come back marked `mine`. */
export interface Asker {
  username: string;
  workstation: string;
}

/**
 * The writes of the last moments, for live updates (issue 15 point 4): the dispatcher adds one
 * entry after each transaction that changed something commits, and every desk asks for what
 * came after its cursor about once a second. Owned by the database store, so on the office
 * server every workstation's session records into and reads from the same log. Nothing here
 * touches the database: an answer costs a scan of at most CHANGE_LOG_SIZE entries in memory.
 *
 * A cursor is `<run>:<seq>`; the run is new at each start of the server, so a cursor from before
 * a restart (or one older than the ring, or one never given) answers `reset`: refresh everything.
 */
export class ChangeLog {
  private readonly run = randomBytes(8).toString('hex');
  private readonly ring: (ChangeEntry | undefined)[];
  private last = 0;

  constructor(private readonly size = CHANGE_LOG_SIZE) {
    this.ring = new Array<ChangeEntry | undefined>(size);
  }

  /** A committed write. Drafts are nobody else's business and are left out. */
  record(entry: Omit<ChangeEntry, 'seq'>): void {
    if (PRIVATE_WRITES.has(entry.channel)) return;
    this.last += 1;
    this.ring[this.last % this.size] = { ...entry, seq: this.last };
  }

  /** The writes after `after` (null: from now on; the caller has just loaded everything). */
  since(after: string | null, asker: Asker): ChangeFeed {
    const cursor = `${this.run}:${this.last}`;
    if (after === null) return { cursor, reset: false, changes: [] };
    const seq = this.seqOf(after);
    const oldest = Math.max(1, this.last - this.size + 1);
    if (seq === null || seq > this.last || seq < oldest - 1) return { cursor, reset: true, changes: [] };
    const changes: LiveChange[] = [];
    for (let s = seq + 1; s <= this.last; s++) {
      const e = this.ring[s % this.size];
      if (!e || e.seq !== s) continue;
      changes.push({
        caseId: e.caseId,
        caseVersion: e.caseVersion,
        channel: e.channel,
        username: e.username,
        displayName: e.displayName,
        workstation: e.workstation,
        at: e.at,
        mine: e.username === asker.username && e.workstation === asker.workstation,
      });
    }
    return { cursor, reset: false, changes };
  }

  private seqOf(cursor: string): number | null {
    const [run, seq, ...rest] = cursor.split(':');
    if (run !== this.run || rest.length > 0 || seq === undefined || !/^\d{1,15}$/.test(seq)) return null;
    return Number(seq);
  }
}

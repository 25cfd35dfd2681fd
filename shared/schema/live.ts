import { z } from 'zod';

/**
 * Live updates (issue 15 point 4): a desk asks what other desks wrote since its cursor
 * (`changes.since`); electron/core/live/change-log.ts answers from memory. `after: null` is the
 * first question after loading: the answer is only the cursor to ask from.
 */
export const changesSinceInput = z.object({ after: z.string().max(64).nullable() }).strict();

/** One committed write another desk (or this one) made: which case, which call, who and where. */
export interface LiveChange {
  caseId: string | null;
  /** The case's version after this write (null: none, or the case is gone); a print or a booking leaves it as it was. */
  caseVersion: number | null;
  channel: string;
  username: string;
  displayName: string;
  /** The workstation as the audit trail names it. */
  workstation: string;
  at: string;
  /** Made by this same session (this workstation, this person): nothing to refresh. */
  mine: boolean;
}

/** `reset`: the cursor is unknown (the server restarted, or the desk is too far behind): refresh everything. */
export interface ChangeFeed {
  cursor: string;
  reset: boolean;
  changes: LiveChange[];
}

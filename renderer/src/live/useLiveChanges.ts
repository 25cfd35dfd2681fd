import { useQueryClient } from '@tanstack/react-query';
import type { Query } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { call } from '../ipc';
import { announceCaseChanges } from './case-changes';

/** How often the desk asks the back end what other desks wrote (issue 15: lists within 2 s). */
export const LIVE_POLL_MS = 1000;

/**
 * The lists other desks change (walk-ins, tasks, appointments, the print queue and its log, the
 * Cases list and search, reports): refetched when another desk wrote anything. Only those on
 * screen are read again (react-query refetches active queries; the others are marked stale).
 */
const LISTS_OTHERS_CHANGE: readonly (readonly string[])[] = [
  ['today'],
  ['today-tasks'],
  ['documents', 'queue'],
  ['printLog'],
  ['appointment-day'],
  ['appointment-slots'],
  ['case-list'],
  ['case-search'],
  ['report'],
  ['report-cases'],
];

/**
 * What a case's page shows besides the form (its documents, bookings, scans, history, a clerk's
 * overview): refetched only for the cases that changed, since each of these reads is audited.
 */
const PARTS_OF_A_CASE: readonly string[] = ['documents', 'case-appointments', 'attachments', 'history', 'case-overview'];

/** On a reset everything is read again, except the open case itself: its page keeps what was typed. */
const notTheOpenCase = (q: Query) => q.queryKey[0] !== 'case';

/**
 * Live updates (issue 15 point 4): while `enabled` (signed in, not locked), asks `changes.since`
 * every LIVE_POLL_MS; another desk's writes refresh the lists they touch and are announced to an
 * open case's page; an unknown cursor (the server restarted, the desk was away too long) refreshes
 * everything. Mounted once, in the Shell. Not activity for the idle lock (only auth.touch is).
 */
export function useLiveChanges(enabled: boolean): void {
  const qc = useQueryClient();
  // Kept across a lock: after unlocking, the first answer has what the other desks did meanwhile.
  const cursor = useRef<string | null>(null);
  useEffect(() => {
    if (!enabled) return undefined;
    let stopped = false;
    let timer = 0;
    const poll = async () => {
      try {
        const feed = await call('changes.since', { after: cursor.current });
        if (stopped) return;
        cursor.current = feed.cursor;
        if (feed.reset) {
          void qc.invalidateQueries({ predicate: notTheOpenCase });
        } else {
          const theirs = feed.changes.filter((c) => !c.mine);
          if (theirs.length > 0) {
            for (const queryKey of LISTS_OTHERS_CHANGE) void qc.invalidateQueries({ queryKey });
            for (const caseId of new Set(theirs.map((c) => c.caseId))) {
              if (caseId !== null) for (const part of PARTS_OF_A_CASE) void qc.invalidateQueries({ queryKey: [part, caseId] });
            }
            announceCaseChanges(theirs);
          }
        }
      } catch {
        // Unreachable or locked: the banner and the lock screen say so; asked again next time.
      }
      if (!stopped) timer = window.setTimeout(() => void poll(), LIVE_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [enabled, qc]);
}

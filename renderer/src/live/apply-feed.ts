import type { Query, QueryClient } from '@tanstack/react-query';
import type { ChangeFeed } from '../../../shared/schema/live';
import { announceCaseChanges } from './case-changes';

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
 * What the screens do with an answer of `changes.since`: another desk's writes refresh the lists
 * they touch and are announced to an open case's page (which keeps what was typed); a reset (the
 * server restarted, the desk was too far behind) refreshes everything but the open case.
 */
export function applyFeed(qc: QueryClient, feed: ChangeFeed): void {
  if (feed.reset) {
    void qc.invalidateQueries({ predicate: notTheOpenCase });
    return;
  }
  const theirs = feed.changes.filter((c) => !c.mine);
  if (theirs.length === 0) return;
  for (const queryKey of LISTS_OTHERS_CHANGE) void qc.invalidateQueries({ queryKey });
  for (const caseId of new Set(theirs.map((c) => c.caseId))) {
    if (caseId !== null) for (const part of PARTS_OF_A_CASE) void qc.invalidateQueries({ queryKey: [part, caseId] });
  }
  announceCaseChanges(theirs);
}

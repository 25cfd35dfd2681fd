import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyFeed } from '../../../renderer/src/live/apply-feed';
import { onCaseChangedElsewhere } from '../../../renderer/src/live/case-changes';
import type { LiveChange } from '../../../shared/schema/live';

/**
 * What a desk does with another desk's changes (issue 15 point 4): the shared lists are read
 * again, a case's own parts only for the case that changed, and the open case's page is told
 * (never refetched: it keeps what was typed); its own changes do nothing; a reset refreshes all
 * but the open case.
 */
const OPEN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function cache(): QueryClient {
  const qc = new QueryClient();
  for (const key of [['auth'], ['today'], ['documents', 'queue'], ['case-list', { page: 1 }], ['case', OPEN], ['history', OPEN, 3], ['documents', OPEN, 3], ['history', OTHER, 1], ['users']]) qc.setQueryData(key, 'loaded');
  return qc;
}
const invalidated = (qc: QueryClient) =>
  qc
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.isInvalidated)
    .map((q) => JSON.stringify(q.queryKey))
    .sort();
const change = (over: Partial<LiveChange>): LiveChange => ({ caseId: OPEN, caseVersion: 4, channel: 'case.saveIntake', username: 'omar.officer', displayName: 'Omar Officer', workstation: 'interview-room-2.0a1b2c3d', at: '2026-11-29T09:00:00.000Z', mine: false, ...over });

describe('applying a feed of changes', () => {
  it("another desk's save of the open case: the lists and that case's parts are read again, the page is told, the case itself is not refetched", () => {
    const qc = cache();
    const told: LiveChange[] = [];
    const stop = onCaseChangedElsewhere(OPEN, (c) => told.push(c));
    applyFeed(qc, { cursor: 'r:2', reset: false, changes: [change({})] });
    stop();
    expect(invalidated(qc)).toEqual([`["case-list",{"page":1}]`, `["documents","${OPEN}",3]`, `["documents","queue"]`, `["history","${OPEN}",3]`, '["today"]'].sort());
    expect(told).toEqual([change({})]);
  });

  it("this desk's own changes and an empty answer do nothing", () => {
    const qc = cache();
    const told: LiveChange[] = [];
    const stop = onCaseChangedElsewhere(OPEN, (c) => told.push(c));
    applyFeed(qc, { cursor: 'r:3', reset: false, changes: [change({ mine: true })] });
    applyFeed(qc, { cursor: 'r:3', reset: false, changes: [] });
    stop();
    expect(invalidated(qc)).toEqual([]);
    expect(told).toEqual([]);
  });

  it('a reset (server restarted, desk too far behind) reads everything again but the open case', () => {
    const qc = cache();
    applyFeed(qc, { cursor: 's:0', reset: true, changes: [] });
    expect(invalidated(qc)).not.toContain(`["case","${OPEN}"]`);
    expect(invalidated(qc)).toHaveLength(8);
  });
});

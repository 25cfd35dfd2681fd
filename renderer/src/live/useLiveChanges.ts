import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { call } from '../ipc';
import { applyFeed } from './apply-feed';

/** How often the desk asks the back end what other desks wrote (issue 15: lists within 2 s). */
export const LIVE_POLL_MS = 1000;

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
        applyFeed(qc, feed);
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

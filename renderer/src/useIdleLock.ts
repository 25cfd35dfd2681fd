import { useEffect, useRef } from 'react';
import { call } from './ipc';

const activityEvents = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

/**
 * Locks the workstation after `minutes` without keyboard or pointer input, and tells the back
 * end about activity at most once a minute (the back end enforces the same limit itself).
 */
export function useIdleLock(minutes: number, enabled: boolean, onLock: () => void): void {
  const lastTouch = useRef(0);
  const onLockRef = useRef(onLock);
  useEffect(() => {
    onLockRef.current = onLock;
  }, [onLock]);

  useEffect(() => {
    if (!enabled) return;
    let timer = window.setTimeout(fire, minutes * 60_000);
    function fire() {
      onLockRef.current();
    }
    function activity() {
      window.clearTimeout(timer);
      timer = window.setTimeout(fire, minutes * 60_000);
      const now = Date.now();
      if (now - lastTouch.current > 60_000) {
        lastTouch.current = now;
        void call('auth.touch', {}).catch(() => undefined);
      }
    }
    for (const e of activityEvents) window.addEventListener(e, activity, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of activityEvents) window.removeEventListener(e, activity);
    };
  }, [minutes, enabled]);
}

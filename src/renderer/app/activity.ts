import { useEffect } from 'react';
import { call } from './call';

const EVERY_MS = 30_000;

/**
 * Tells main the officer is active (typing, clicking) at most every 30 s, so the idle lock never
 * fires in the middle of writing a long answer or note that has not been saved yet.
 */
export function useActivityPing(): void {
  useEffect(() => {
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < EVERY_MS) return;
      last = now;
      void call('session.touch', {});
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true, capture: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, []);
}

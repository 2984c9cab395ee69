import { describe, expect, it } from 'vitest';
import { IdleLock } from '../../src/main/store/idle-lock';

function fakeTimers() {
  let now = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  return {
    timers: {
      set: (fn: () => void, ms: number) => {
        const id = next++;
        pending.set(id, { at: now + ms, fn });
        return id;
      },
      clear: (h: unknown) => {
        pending.delete(h as number);
      },
    },
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...pending]) {
        if (t.at <= now) {
          pending.delete(id);
          t.fn();
        }
      }
    },
  };
}

describe('IdleLock', () => {
  it('locks after the configured minutes without activity; activity postpones it', () => {
    const clock = fakeTimers();
    let minutes = 5;
    let locked = 0;
    const idle = new IdleLock({ minutes: () => minutes, onIdle: () => locked++, timers: clock.timers });
    clock.advance(4 * 60_000);
    idle.touch();
    clock.advance(4 * 60_000);
    expect(locked).toBe(0);
    clock.advance(60_000);
    expect(locked).toBe(1);
    // After locking, touches do nothing (a new IdleLock starts with the next session).
    idle.touch();
    clock.advance(10 * 60_000);
    expect(locked).toBe(1);

    minutes = 1;
    const second = new IdleLock({ minutes: () => minutes, onIdle: () => locked++, timers: clock.timers });
    clock.advance(60_000);
    expect(locked).toBe(2);
    second.stop();
  });

  it('stop() cancels the pending lock', () => {
    const clock = fakeTimers();
    let locked = false;
    const idle = new IdleLock({ minutes: () => 5, onIdle: () => (locked = true), timers: clock.timers });
    idle.stop();
    clock.advance(60 * 60_000);
    expect(locked).toBe(false);
  });
});

/**
 * Clocks for tests (see src/membrane/clock.ts). `fakeClock` is virtual time for code with no processes:
 * nothing happens until the test advances it (or, with `autoAdvance`, a sleep advances it by itself).
 * `quickClock` is for servers that run real processes: real now(), but every wait and tick is `factor`
 * times shorter, and the waits asked for are recorded so a test can check them.
 */
import { type Clock, systemClock } from "../../src/membrane/clock.js";

interface Timer {
  due: number;
  fire: () => void;
  every?: number;
}

export interface FakeClock extends Clock {
  /** The sleeps asked for, in milliseconds, in order. */
  readonly sleeps: number[];
  /** Moves time on by `ms`, firing every sleep and tick that falls due on the way. */
  advance(ms: number): Promise<void>;
  /** How many sleeps and ticks are waiting. */
  pending(): number;
}

export function fakeClock(options: { start?: number; autoAdvance?: boolean } = {}): FakeClock {
  let now = options.start ?? 1_000_000;
  const timers = new Set<Timer>();
  const sleeps: number[] = [];
  const clock: FakeClock = {
    sleeps,
    now: () => now,
    sleep(ms, signal) {
      sleeps.push(ms);
      if (options.autoAdvance) {
        now += ms;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        if (signal?.aborted) return resolve();
        const timer: Timer = { due: now + ms, fire: done };
        function done() {
          timers.delete(timer);
          signal?.removeEventListener("abort", done);
          resolve();
        }
        timers.add(timer);
        signal?.addEventListener("abort", done, { once: true });
      });
    },
    every(ms, fn) {
      const timer: Timer = { due: now + ms, fire: fn, every: ms };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const next = [...timers].sort((a, b) => a.due - b.due)[0];
        if (!next || next.due > until) break;
        now = next.due;
        if (next.every) next.due += next.every;
        next.fire();
        // Lets the code woken by this timer run before time moves on.
        await new Promise((resolve) => setImmediate(resolve));
      }
      now = until;
    },
    pending: () => timers.size,
  };
  return clock;
}

export interface QuickClock extends Clock {
  /** The sleeps asked for (not the shortened ones), in milliseconds, in order. */
  readonly sleeps: number[];
}

export function quickClock(factor = 50): QuickClock {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => systemClock.now(),
    sleep(ms, signal) {
      sleeps.push(ms);
      return systemClock.sleep(ms / factor, signal);
    },
    every: (ms, fn) => systemClock.every(ms / factor, fn),
  };
}

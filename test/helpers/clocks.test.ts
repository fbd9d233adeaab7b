/**
 * The test clocks keep their promises, since the retry and progress tests lean on them: the fake clock
 * wakes sleepers and tickers exactly when time reaches them, and an abort ends a sleep at once; the quick
 * clock waits `factor` times less than asked and records what was asked.
 */
import { describe, expect, it } from "vitest";
import { fakeClock, quickClock } from "./clocks.js";

describe("fakeClock", () => {
  it("wakes a sleep when time reaches it, not before", async () => {
    const clock = fakeClock({ start: 0 });
    let woke = false;
    const sleeping = clock.sleep(1000).then(() => {
      woke = true;
    });
    await clock.advance(999);
    expect(woke).toBe(false);
    await clock.advance(1);
    await sleeping;
    expect(woke).toBe(true);
    expect(clock.now()).toBe(1000);
    expect(clock.sleeps).toEqual([1000]);
  });

  it("ticks every interval until stopped", async () => {
    const clock = fakeClock({ start: 0 });
    const at: number[] = [];
    const stop = clock.every(300, () => at.push(clock.now()));
    await clock.advance(1000);
    expect(at).toEqual([300, 600, 900]);
    stop();
    await clock.advance(1000);
    expect(at).toHaveLength(3);
    expect(clock.pending()).toBe(0);
  });

  it("ends a sleep at once when its signal aborts, without moving time", async () => {
    const clock = fakeClock({ start: 0 });
    const controller = new AbortController();
    const sleeping = clock.sleep(60_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(clock.now()).toBe(0);
    expect(clock.pending()).toBe(0);
  });

  it("with autoAdvance, moves time by each sleep", async () => {
    const clock = fakeClock({ start: 0, autoAdvance: true });
    await clock.sleep(1500);
    await clock.sleep(500);
    expect(clock.now()).toBe(2000);
  });
});

describe("quickClock", () => {
  it("waits factor times less than asked, and records what was asked", async () => {
    const clock = quickClock(100);
    const started = Date.now();
    await clock.sleep(2000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect(clock.sleeps).toEqual([2000]);
  });
});

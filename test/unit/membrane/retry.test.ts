/**
 * withRetries on a fake clock (no processes, no real waiting): a 429 waits its Retry-After and tries again,
 * a 5xx is tried again only for a call safe to repeat, at most three tries, no retry whose wait would pass
 * the call's deadline, and a cancelled call stops waiting at once.
 */
import { describe, expect, it } from "vitest";
import { CliError } from "../../../src/errors.js";
import { type Attempt, MIN_TRY_MS, withRetries } from "../../../src/membrane/retry.js";
import { fakeClock } from "../../helpers/clocks.js";
import { silentLogger } from "../../helpers/silent-logger.js";

const upstream = (status: number, retryAfterSeconds?: number) =>
  new CliError("exit", `The Membrane CLI exited with code 1: status ${status}`, {
    status,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });

/** A call that throws `failures` in turn, then answers "ok"; it records each attempt it was given. */
function scripted(failures: unknown[]) {
  const attempts: Attempt[] = [];
  const call = async (attempt: Attempt) => {
    attempts.push(attempt);
    const failure = failures[attempts.length - 1];
    if (failure !== undefined) throw failure;
    return "ok";
  };
  return { call, attempts };
}

const base = { idempotent: true, deadlineMs: 60_000, log: silentLogger };

/** Lets the promise chain run as far as it can without time moving on. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("withRetries", () => {
  it("answers at once when the first try succeeds", async () => {
    const clock = fakeClock({ autoAdvance: true });
    const { call, attempts } = scripted([]);
    await expect(withRetries(call, { ...base, clock })).resolves.toBe("ok");
    expect(attempts).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("waits a 429's Retry-After, then tries again", async () => {
    const clock = fakeClock();
    const { call, attempts } = scripted([upstream(429, 3)]);
    const result = withRetries(call, { ...base, idempotent: false, clock });
    await settle();
    expect(attempts).toHaveLength(1);
    expect(clock.sleeps).toEqual([3000]);
    await clock.advance(2999);
    expect(attempts).toHaveLength(1);
    await clock.advance(1);
    await expect(result).resolves.toBe("ok");
    expect(attempts.map((attempt) => attempt.number)).toEqual([1, 2]);
  });

  it("waits 1 s when a 429 gives no Retry-After, and at most 20 s when it asks for more", async () => {
    const clock = fakeClock({ autoAdvance: true });
    await withRetries(scripted([upstream(429), upstream(429, 600)]).call, { ...base, clock });
    expect(clock.sleeps).toEqual([1000, 20_000]);
  });

  it("retries a 5xx for a call safe to repeat", async () => {
    const clock = fakeClock({ autoAdvance: true });
    const { call, attempts } = scripted([upstream(503), upstream(500)]);
    await expect(withRetries(call, { ...base, idempotent: true, clock })).resolves.toBe("ok");
    expect(attempts).toHaveLength(3);
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it("does not retry a 5xx for a call that is not safe to repeat", async () => {
    const clock = fakeClock({ autoAdvance: true });
    const failure = upstream(503);
    const { call, attempts } = scripted([failure]);
    await expect(withRetries(call, { ...base, idempotent: false, clock })).rejects.toBe(failure);
    expect(attempts).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it.each([
    ["a 4xx other than 429", upstream(404)],
    ["a timeout", new CliError("timeout", "timed out")],
    ["a failure without a status", new CliError("exit", "exited with code 1")],
    ["an error that is not the CLI's", new Error("bug")],
  ])("does not retry %s", async (_name, failure) => {
    const clock = fakeClock({ autoAdvance: true });
    const { call, attempts } = scripted([failure]);
    await expect(withRetries(call, { ...base, clock })).rejects.toBe(failure);
    expect(attempts).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("tries at most three times, then throws the last failure", async () => {
    const clock = fakeClock({ autoAdvance: true });
    const last = upstream(429, 1);
    const { call, attempts } = scripted([upstream(429, 1), upstream(429, 1), last, upstream(429, 1)]);
    await expect(withRetries(call, { ...base, clock })).rejects.toBe(last);
    expect(attempts).toHaveLength(3);
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it("tries at most maxTries times when given", async () => {
    const clock = fakeClock({ autoAdvance: true });
    const { call, attempts } = scripted([upstream(429), upstream(429)]);
    await expect(withRetries(call, { ...base, maxTries: 2, clock })).rejects.toMatchObject({ status: 429 });
    expect(attempts).toHaveLength(2);
  });

  it("gives every try the same deadline, counted from the call", async () => {
    const clock = fakeClock({ start: 5_000_000, autoAdvance: true });
    const { call, attempts } = scripted([upstream(429, 2)]);
    await withRetries(call, { ...base, deadlineMs: 30_000, clock });
    expect(attempts.map((attempt) => attempt.deadline)).toEqual([5_030_000, 5_030_000]);
  });

  it("retries only when the wait leaves at least MIN_TRY_MS of the deadline", async () => {
    const enough = fakeClock({ autoAdvance: true });
    const fits = scripted([upstream(429, 1)]);
    await expect(
      withRetries(fits.call, { ...base, deadlineMs: 1000 + MIN_TRY_MS, clock: enough }),
    ).resolves.toBe("ok");
    expect(fits.attempts).toHaveLength(2);

    const short = fakeClock({ autoAdvance: true });
    const failure = upstream(429, 1);
    const passes = scripted([failure]);
    await expect(
      withRetries(passes.call, { ...base, deadlineMs: 1000 + MIN_TRY_MS - 1, clock: short }),
    ).rejects.toBe(failure);
    expect(passes.attempts).toHaveLength(1);
    expect(short.sleeps).toEqual([]);
  });

  it("counts the time the tries took against the deadline", async () => {
    const clock = fakeClock();
    const failure = upstream(429, 1);
    const attempts: Attempt[] = [];
    const slow = async (attempt: Attempt) => {
      attempts.push(attempt);
      await clock.advance(1000); // this try took a second of the call's 3.4 s
      throw failure;
    };
    await expect(withRetries(slow, { ...base, deadlineMs: 3400, clock })).rejects.toBe(failure);
    expect(attempts).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("stops waiting at once when the call is cancelled, and the next try sees the cancellation", async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    const cancelled = new CliError("cancelled", "The call was cancelled by the client");
    const attempts: Attempt[] = [];
    const call = async (attempt: Attempt) => {
      attempts.push(attempt);
      if (controller.signal.aborted) throw cancelled;
      throw upstream(429, 10);
    };
    const result = withRetries(call, { ...base, signal: controller.signal, clock });
    result.catch(() => {});
    await settle();
    expect(clock.pending()).toBe(1);
    const before = clock.now();
    controller.abort();
    await expect(result).rejects.toBe(cancelled);
    expect(clock.now()).toBe(before);
    expect(clock.pending()).toBe(0);
    expect(attempts).toHaveLength(2);
  });

  it("does not wait at all when the call is already cancelled", async () => {
    const clock = fakeClock({ autoAdvance: true });
    const controller = new AbortController();
    controller.abort();
    const failure = upstream(429, 1);
    const { call, attempts } = scripted([failure]);
    await expect(withRetries(call, { ...base, signal: controller.signal, clock })).rejects.toBe(failure);
    expect(attempts).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });
});

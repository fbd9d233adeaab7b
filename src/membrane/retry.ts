/**
 * Bounded retries for Customer.io's rate limits and passing upstream failures: an HTTP 429 is retried after
 * its Retry-After, a 5xx only when the call is safe to repeat (a read); at most three tries. Every try and
 * every wait share one deadline (the per-call timeout): each try gets the deadline to pass to the CLI, and a
 * retry happens only if, after its wait, enough time is left to run it; so retries never make a call longer.
 */
import { CliError } from "../errors.js";
import type { Logger } from "../log.js";
import { type Clock, systemClock } from "./clock.js";

interface RetryOptions {
  /** Whether repeating the call is harmless (reads): 5xx are retried only then. */
  idempotent: boolean;
  /** The time all tries and waits together may take, counted from the call to withRetries. */
  deadlineMs: number;
  signal?: AbortSignal | undefined;
  log: Logger;
  maxTries?: number;
  /** What the waits and the deadline are counted on (tests pass a fake one); the system clock by default. */
  clock?: Clock | undefined;
}

/** What a try is told: the epoch milliseconds by which it must end (pass it to the CLI as `deadline`). */
export interface Attempt {
  deadline: number;
  number: number;
}

const DEFAULT_WAIT_SECONDS = 1;
const MAX_WAIT_SECONDS = 20;
/** A retry needs at least this long after its wait: the CLI alone takes a few hundred ms to start. */
export const MIN_TRY_MS = 1500;

function retryDelayMs(error: unknown, idempotent: boolean): number | undefined {
  if (!(error instanceof CliError) || error.kind !== "exit" || error.status === undefined) return undefined;
  if (error.status === 429 || (idempotent && error.status >= 500 && error.status <= 599)) {
    const seconds = Math.min(error.retryAfterSeconds ?? DEFAULT_WAIT_SECONDS, MAX_WAIT_SECONDS);
    return Math.max(0, seconds) * 1000;
  }
  return undefined;
}

export async function withRetries<T>(
  call: (attempt: Attempt) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const maxTries = options.maxTries ?? 3;
  const clock = options.clock ?? systemClock;
  const deadline = clock.now() + options.deadlineMs;
  for (let number = 1; ; number++) {
    try {
      return await call({ deadline, number });
    } catch (error) {
      const delay = retryDelayMs(error, options.idempotent);
      if (
        delay === undefined ||
        number >= maxTries ||
        clock.now() + delay + MIN_TRY_MS > deadline ||
        options.signal?.aborted
      )
        throw error;
      options.log.warning(
        `Upstream answered ${(error as CliError).status}; retrying in ${delay} ms (try ${number + 1} of ${maxTries})`,
      );
      await clock.sleep(delay, options.signal);
    }
  }
}

/**
 * Bounded retries for Customer.io's rate limits and passing upstream failures: an HTTP 429 is retried after
 * its Retry-After, a 5xx only when the call is safe to repeat (a read); at most three tries, and never
 * past the deadline (the per-call timeout), so a retry can not turn into a hang.
 */
import { CliError } from "../errors.js";
import type { Logger } from "../log.js";

export interface RetryOptions {
  /** Whether repeating the call is harmless (reads): 5xx are retried only then. */
  idempotent: boolean;
  deadlineMs: number;
  signal?: AbortSignal | undefined;
  log: Logger;
  maxTries?: number;
}

const DEFAULT_WAIT_SECONDS = 1;
const MAX_WAIT_SECONDS = 20;

function retryDelayMs(error: unknown, idempotent: boolean): number | undefined {
  if (!(error instanceof CliError) || error.kind !== "exit" || error.status === undefined) return undefined;
  if (error.status === 429 || (idempotent && error.status >= 500 && error.status <= 599)) {
    const seconds = Math.min(error.retryAfterSeconds ?? DEFAULT_WAIT_SECONDS, MAX_WAIT_SECONDS);
    return Math.max(0, seconds) * 1000;
  }
  return undefined;
}

export async function withRetries<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const maxTries = options.maxTries ?? 3;
  const deadline = Date.now() + options.deadlineMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = retryDelayMs(error, options.idempotent);
      if (
        delay === undefined ||
        attempt >= maxTries ||
        Date.now() + delay >= deadline ||
        options.signal?.aborted
      )
        throw error;
      options.log.warning(
        `Upstream answered ${(error as CliError).status}; retrying in ${delay} ms (try ${attempt + 1} of ${maxTries})`,
      );
      await sleep(delay, options.signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

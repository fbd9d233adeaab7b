/**
 * The server's sense of time for the waits that are not deadlines: the Retry-After wait between tries
 * (retry.ts) and the once-a-second progress tick of a running call (cli.ts). It is injected so tests can
 * run those waits at once or quickly instead of in real seconds; the deadlines that kill a hung CLI stay
 * on the real clock.
 */

export interface Clock {
  /**
   * Epoch milliseconds. A try's deadline is counted on it and then enforced by cli.ts on the real clock,
   * so a clock used with a real CLI keeps real time here and only shortens its waits.
   */
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `fn` every `ms` until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      }
      signal?.addEventListener("abort", done, { once: true });
    });
  },
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    return () => clearInterval(timer);
  },
};

/**
 * The limit on CLI processes running at once, with a deadline and cancellation for calls that are still
 * waiting for a slot. p-limit only looks at a queued call when a slot frees, so four calls that hang would
 * hold every later one until they end; here a waiting call gives up at its deadline (or when cancelled)
 * by itself, and the slot it would have had passes straight to the next call.
 */
import pLimit, { type LimitFunction } from "p-limit";

interface SlotWait {
  /** Epoch milliseconds after which the call must not start. */
  deadline: number;
  signal?: AbortSignal | undefined;
  /** The error for a call that waited until its deadline. */
  expired: () => Error;
  /** The error for a call cancelled while it waited. */
  cancelled: () => Error;
}

export class CliSlots {
  private readonly limit: LimitFunction;

  constructor(maxConcurrent: number) {
    this.limit = pLimit(maxConcurrent);
  }

  /** Calls waiting for a slot. */
  get pending(): number {
    return this.limit.pendingCount;
  }

  /** Runs `task` in a slot, or rejects at the deadline or on abort if none frees up before. */
  run<T>(task: () => Promise<T>, wait: SlotWait): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let state: "waiting" | "running" | "gave-up" = "waiting";
      const giveUp = (error: Error) => {
        if (state !== "waiting") return;
        state = "gave-up";
        stopWaiting();
        reject(error);
      };
      const onTimeout = () => giveUp(wait.expired());
      const onAbort = () => giveUp(wait.cancelled());
      const timer = setTimeout(onTimeout, Math.max(0, wait.deadline - Date.now()));
      wait.signal?.addEventListener("abort", onAbort, { once: true });
      function stopWaiting() {
        clearTimeout(timer);
        wait.signal?.removeEventListener("abort", onAbort);
      }
      if (wait.signal?.aborted) onAbort();
      this.limit(async () => {
        if (state !== "waiting") return;
        if (Date.now() >= wait.deadline) return onTimeout();
        state = "running";
        stopWaiting();
        try {
          resolve(await task());
        } catch (error) {
          reject(error);
        }
      }).catch(reject);
    });
  }
}

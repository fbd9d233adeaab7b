/**
 * One deadline per tool call (issue #18): --timeout counted from the moment the call arrives, shared by
 * everything it waits for: the first discovery, a confirming discovery, connection resolution, the queue
 * for a CLI slot, retries and the run. Each step gets what is left, so a call answers within --timeout
 * (plus the time to stop a process), never a sum of timeouts.
 */
import { CliError } from "../errors.js";
import type { ToolContext } from "./tool-definition.js";

/** Milliseconds left before the call's deadline (the whole timeout when the context has none). */
export function remainingMs(ctx: Pick<ToolContext, "deadline" | "services">): number {
  const deadline = ctx.deadline ?? Date.now() + ctx.services.config.timeoutSeconds * 1000;
  return Math.max(0, deadline - Date.now());
}

/** The call's deadline as epoch milliseconds. */
export function callDeadline(ctx: Pick<ToolContext, "deadline" | "services">): number {
  return Date.now() + remainingMs(ctx);
}

/**
 * What a call passed its deadline gives the step it waits on to report its own, more precise failure (a
 * CLI killed at the deadline says so): still well inside the goal of --timeout + 2 s.
 */
const GRACE_MS = 1000;

/**
 * `promise`, or a timeout error naming `what` when the call's deadline (plus GRACE_MS) comes first. Pass
 * the deadline down too (callDeadline): this only bounds a wait shared with other calls.
 */
export async function beforeDeadline<T>(
  ctx: Pick<ToolContext, "deadline" | "services">,
  promise: Promise<T>,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const seconds = ctx.services.config.timeoutSeconds;
      reject(
        new CliError("timeout", `The call ran out of its ${seconds} s (--timeout) while ${what}.`, {
          hint: "Try again in a moment; connection_status shows whether Membrane answers. A person can raise --timeout.",
        }),
      );
    }, remainingMs(ctx) + GRACE_MS);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The faults that replace one command's answer: not logged in, rate limited, an error printed as success,
 * slow pages. Each answer is what the real CLI would print, written by bin.ts as is.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { findCommand } from "../../membrane/contract/commands.js";
import { booleanFlag, type ParsedArgs } from "../cli/args.js";
import type { Fault } from "./faults.js";

export const NOT_LOGGED_IN = 'Error: Not logged in. Run "membrane login --tenant" to authenticate.';

interface FaultAnswer {
  stdout?: string;
  stderr?: string;
  exitCode: number;
}

const errorLine = (error: Record<string, unknown>) => `${JSON.stringify({ error })}\n`;

/** The answer a fault gives in place of the command, or undefined to run the command. */
export function commandFault(faults: Set<Fault>, args: ParsedArgs): FaultAnswer | undefined {
  const command = findCommand(args.positionals)?.name;
  if (faults.has("not-logged-in") && !booleanFlag(args, "help") && !command?.startsWith("login")) {
    return { stderr: `${NOT_LOGGED_IN}\n`, exitCode: 1 };
  }
  const calls = command === "action run" || command === "request";
  if (calls && faults.has("rate-limit")) {
    const error = {
      message: "Too Many Requests",
      status: 429,
      retryAfter: 1,
      headers: { "retry-after": "1" },
    };
    return { stderr: errorLine(error), exitCode: 1 };
  }
  if (calls && faults.has("error-exit-0")) {
    return { stdout: errorLine({ message: "Upstream request failed", status: 500 }), exitCode: 0 };
  }
  return undefined;
}

/** Waits as a slow pager would before an `action list` page. */
export async function faultDelay(faults: Set<Fault>, args: ParsedArgs): Promise<void> {
  if (!faults.has("slow-pages") || findCommand(args.positionals)?.name !== "action list") return;
  const delay = Number(process.env["CUSTOMERIO_SANDBOX_PAGE_DELAY_MS"] ?? 1000);
  if (Number.isFinite(delay) && delay > 0) await sleep(delay);
}

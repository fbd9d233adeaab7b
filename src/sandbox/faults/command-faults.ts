/**
 * The faults that replace one command's answer: not logged in, rate limited, a server error, an error that
 * leaks secrets, an error printed as success; and the ones that only slow a command down. Each answer is
 * what the real CLI would print, written by bin.ts as is.
 */
import { randomUUID } from "node:crypto";
import { appendFileSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { findCommand } from "../../membrane/contract/commands.js";
import { booleanFlag, type ParsedArgs } from "../cli/args.js";
import { envNumber, type Fault } from "./faults.js";

export const NOT_LOGGED_IN = 'Error: Not logged in. Run "membrane login --tenant" to authenticate.';

/** What the `leaky-error` fault prints: an HTTP client's error dump with the credentials it sent. */
export const LEAKY_ERROR = [
  "Request failed with status code 401",
  "  request headers: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl",
  "  url: https://api.customer.io/v1/customers?api_key=0123456789abcdef0123456789abcdef",
  "  token: pat-na1-1234abcd-12ab-34cd-56ef-1234567890ab",
  "",
].join("\n");

export interface FaultAnswer {
  stdout?: string;
  stderr?: string;
  exitCode: number;
}

const errorLine = (error: Record<string, unknown>) => `${JSON.stringify({ error })}\n`;

/**
 * Counts this call in the file CUSTOMERIO_SANDBOX_CALLS_FILE (one line `<pid> <nonce>` in a single
 * O_APPEND write, so concurrent runs never lose a count) and returns its 1-based ordinal; 1 without a file.
 */
function countCall(): number {
  const file = process.env["CUSTOMERIO_SANDBOX_CALLS_FILE"];
  if (!file) return 1;
  const line = `${process.pid} ${randomUUID()}`;
  appendFileSync(file, `${line}\n`);
  return readFileSync(file, "utf8").split("\n").indexOf(line) + 1;
}

/** The rate-limit and server-error answers: every call, or the first CUSTOMERIO_SANDBOX_FAIL_TIMES. */
function flakyFault(faults: Set<Fault>): FaultAnswer | undefined {
  const rateLimited = faults.has("rate-limit");
  if (!rateLimited && !faults.has("server-error")) return undefined;
  if (countCall() > envNumber("CUSTOMERIO_SANDBOX_FAIL_TIMES", Number.POSITIVE_INFINITY)) return undefined;
  const error = rateLimited
    ? { message: "Too Many Requests", status: 429, retryAfter: 1, headers: { "retry-after": "1" } }
    : { message: "Service Unavailable", status: 503 };
  return { stderr: errorLine(error), exitCode: 1 };
}

/** The answer a fault gives in place of the command, or undefined to run the command. */
export function commandFault(faults: Set<Fault>, args: ParsedArgs): FaultAnswer | undefined {
  const command = findCommand(args.positionals)?.name;
  if (faults.has("not-logged-in") && !booleanFlag(args, "help") && !command?.startsWith("login")) {
    return { stderr: `${NOT_LOGGED_IN}\n`, exitCode: 1 };
  }
  if (command !== "action run" && command !== "request") return undefined;
  const flaky = flakyFault(faults);
  if (flaky) return flaky;
  if (faults.has("leaky-error")) return { stderr: LEAKY_ERROR, exitCode: 1 };
  if (faults.has("error-exit-0")) {
    return { stdout: errorLine({ message: "Upstream request failed", status: 500 }), exitCode: 0 };
  }
  return undefined;
}

/** Waits as a slow pager would before an `action list` page, or a slow upstream before a call. */
export async function faultDelay(faults: Set<Fault>, args: ParsedArgs): Promise<void> {
  const command = findCommand(args.positionals)?.name;
  let delay = 0;
  if (faults.has("slow-pages") && command === "action list") {
    delay = envNumber("CUSTOMERIO_SANDBOX_PAGE_DELAY_MS", 1000);
  }
  if (faults.has("slow") && (command === "action run" || command === "request")) {
    delay = envNumber("CUSTOMERIO_SANDBOX_DELAY_MS", 3000);
  }
  if (delay > 0) await sleep(delay);
}

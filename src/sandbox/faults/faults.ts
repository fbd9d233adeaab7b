/**
 * Fault switches: CUSTOMERIO_SANDBOX_FAULT names one or more ways (comma-separated) for the sandbox to
 * misbehave as a real Membrane CLI can, so the server's failure paths are tested against the one fake of
 * the CLI instead of a separate script per failure. Unknown names are a usage error, never ignored.
 * Without the variable no fault is reachable: the sandbox then behaves as a healthy CLI.
 */
import { UsageError } from "../failure.js";

export const FAULTS = {
  hang: "never finish (only the commands in CUSTOMERIO_SANDBOX_HANG_COMMANDS, e.g. `request`, when set); a grandchild shares the pipes; SIGTERM is ignored (only SIGKILL of the group ends it); both pids go to the file CUSTOMERIO_SANDBOX_PID_FILE and to a file per run in the folder CUSTOMERIO_SANDBOX_PID_DIR",
  "hang-detached":
    "as hang, but the grandchild starts a session of its own (a daemonizing helper) and still holds the pipes",
  crash: "print half a JSON document, then die with a stack trace and a bearer token on stderr",
  garbage: "exit 0 with text, binary bytes and a JSON-RPC-looking line instead of JSON",
  huge: "exit 0 with valid JSON of CUSTOMERIO_SANDBOX_HUGE_BYTES bytes (default 60 MiB)",
  "not-logged-in": "every command but --version, --help and login fails: not logged in",
  "rate-limit":
    "`action run` and `request` fail with 429 and Retry-After: 1 (the first CUSTOMERIO_SANDBOX_FAIL_TIMES calls only, when set, counted in the file CUSTOMERIO_SANDBOX_CALLS_FILE)",
  "server-error":
    "`action run` and `request` fail with 503 Service Unavailable (the first CUSTOMERIO_SANDBOX_FAIL_TIMES calls only, as rate-limit)",
  "error-exit-0": "`action run` and `request` print a JSON error on stdout and exit 0",
  "leaky-error":
    "`action run` and `request` fail 401 with plain text on stderr echoing a bearer JWT, an api_key and a token",
  slow: "`action run` and `request` answer after CUSTOMERIO_SANDBOX_DELAY_MS (default 3000) ms",
  prompt: "every command but --version first reads stdin to its end, as an interactive prompt would",
  "no-connection": "`connection list` shows only a Slack connection",
  "two-connections": "`connection list` shows a second READY Customer.io connection",
  "reconnect-needed":
    "the connection is CLIENT_ACTION_REQUIRED: runs and requests fail 409 until reconnected",
  "slow-pages": "each `action list` page takes CUSTOMERIO_SANDBOX_PAGE_DELAY_MS (default 1000) ms",
} as const;

export type Fault = keyof typeof FAULTS;

/** The faults switched on; throws a UsageError naming the switches when one is unknown. */
export function activeFaults(env: NodeJS.ProcessEnv = process.env): Set<Fault> {
  const names = (env["CUSTOMERIO_SANDBOX_FAULT"] ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  for (const name of names) {
    if (!(name in FAULTS)) {
      throw new UsageError(
        `error: unknown CUSTOMERIO_SANDBOX_FAULT '${name}' (known: ${Object.keys(FAULTS).join(", ")})`,
      );
    }
  }
  return new Set(names as Fault[]);
}

/** A non-negative number from the environment, or `fallback` when unset or not a number. */
export function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? Number.NaN);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

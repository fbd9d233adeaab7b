/**
 * Fault switches: CUSTOMERIO_SANDBOX_FAULT names one or more ways (comma-separated) for the sandbox to
 * misbehave as a real Membrane CLI can, so the server's failure paths are tested against the one fake of
 * the CLI instead of a separate script per failure. Unknown names are a usage error, never ignored.
 */
import { UsageError } from "../failure.js";

const FAULTS = {
  hang: "never finish; a grandchild shares the pipes; SIGTERM is ignored (only SIGKILL of the group ends it)",
  crash: "print half a JSON document, then die with a stack trace and a bearer token on stderr",
  garbage: "exit 0 with text, binary bytes and a JSON-RPC-looking line instead of JSON",
  huge: "exit 0 with valid JSON of CUSTOMERIO_SANDBOX_HUGE_BYTES bytes (default 60 MiB)",
  "not-logged-in": "every command but --version, --help and login fails: not logged in",
  "rate-limit": "`action run` and `request` fail with 429 and Retry-After: 1",
  "error-exit-0": "`action run` and `request` print a JSON error on stdout and exit 0",
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

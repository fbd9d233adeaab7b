/**
 * Turns a failed CLI run into a CliError that says what happened and what to do next. The CLI's error
 * format is not documented, so this reads it tolerantly: a JSON error body on stderr or stdout, else the
 * tail of stderr without stack frames; always trimmed to about 2 KB (secrets are scrubbed on the way out).
 * It reads a runner-neutral outcome (runner.ts): a process and the in-process sandbox are judged alike.
 */
import { CliError } from "../../errors.js";
import { scrubSecrets } from "../../redact/scrub.js";
import type { RunOutcome } from "./runner.js";

const MESSAGE_LIMIT = 2000;
export const NOT_LOGGED_IN =
  /not (logged|signed) in|membrane login|please log ?in|no (valid )?(session|credentials) found|login required/i;

interface ErrorDetails {
  message?: string;
  status?: number;
  actionRunId?: string;
  retryAfterSeconds?: number;
}

/** Whether a run failed: not started, stopped for too much output, killed, or a non-zero exit. */
export function failed(result: RunOutcome): boolean {
  return (
    result.startError !== undefined ||
    result.outputTooLarge === true ||
    result.signal !== undefined ||
    result.exitCode !== 0
  );
}

export function classifyFailure(result: RunOutcome, display: string, maxOutputBytes: number): CliError {
  const code = result.startError;
  if (code === "ENOENT" || code === "EACCES" || code === "ENOTDIR") {
    return new CliError(
      "not-found",
      `Membrane CLI not found at \`${display}\`${code === "EACCES" ? " (not executable)" : ""}.`,
      {
        hint:
          code === "EACCES"
            ? `Make it executable (\`chmod +x ${display}\`), or set MEMBRANE_CLI / --membrane-cli to the CLI's full path.`
            : "Install it with `npm i -g @membranehq/cli`, or set MEMBRANE_CLI / --membrane-cli to its full path.",
      },
    );
  }
  if (result.outputTooLarge) {
    return new CliError(
      "too-large",
      `The Membrane CLI printed more than ${Math.round(maxOutputBytes / 1_000_000)} MB; the call was stopped.`,
      {
        hint: "Ask for less: a smaller limit, a page with a cursor, or a narrower query.",
      },
    );
  }
  const stderr = scrubSecrets(result.stderr); // Before any cut can split a key in two.
  const stdout = result.stdout;
  if (result.exitCode === undefined && !result.signal) {
    // Never execa's message here: it repeats the whole command line, every value in it.
    if (code === "E2BIG") {
      return new CliError(
        "too-large",
        "The request is too large to pass to the Membrane CLI (the system refused the argument list: E2BIG). Nothing was sent.",
        {
          hint: "Send less data at once: split the input into several calls, or keep only the fields that are needed.",
        },
      );
    }
    return new CliError(
      "spawn",
      `The Membrane CLI at \`${display}\` could not be started (${code ?? "unknown error"}).`,
      {
        hint: "Check that MEMBRANE_CLI / --membrane-cli names the Membrane CLI and that `membrane --version` works in a terminal.",
      },
    );
  }
  const details = parseErrorBody(stderr) ?? parseErrorBody(stdout) ?? {};
  const message = trimMessage(details.message ?? textTail(stderr) ?? textTail(stdout) ?? "");
  if (NOT_LOGGED_IN.test(message) || NOT_LOGGED_IN.test(stderr.slice(-4000))) {
    return new CliError("not-logged-in", "The Membrane CLI is not logged in.", {
      hint: "Run `membrane login --tenant` in a terminal (headless: open the printed URL, then `membrane login complete <code>`), then try again.",
      exitCode: result.exitCode,
    });
  }
  const how = result.signal ? `was killed by ${result.signal}` : `exited with code ${result.exitCode}`;
  return new CliError(
    "exit",
    message ? `The Membrane CLI ${how}: ${message}` : `The Membrane CLI ${how} without a message.`,
    {
      hint: hintForStatus(details.status),
      exitCode: result.exitCode,
      status: details.status,
      actionRunId: details.actionRunId,
      retryAfterSeconds: details.retryAfterSeconds,
    },
  );
}

export function hintForStatus(status: number | undefined): string | undefined {
  if (status === undefined)
    return "Check the arguments; if the problem is the connection, call connection_status.";
  if (status === 401 || status === 403)
    return "The Customer.io credentials were refused: call connection_status, and reconnect in Membrane if asked.";
  if (status === 404) return "Check the id or path: list the items first to find a valid one.";
  if (status === 422 || status === 400) return "Fix the input the upstream complained about and call again.";
  if (status === 429) return "Customer.io's rate limit was hit: wait a little before calling again.";
  if (status >= 500) return "Customer.io had a problem: try again shortly.";
  return undefined;
}

/** The last JSON object found in the text (whole text, or last line that parses), read as an error. */
function parseErrorBody(text: string): ErrorDetails | undefined {
  const candidates = [text.trim(), ...text.trim().split("\n").reverse()];
  for (const candidate of candidates) {
    if (!candidate.startsWith("{")) continue;
    try {
      const value = JSON.parse(candidate) as unknown;
      if (value && typeof value === "object") return readErrorObject(value as Record<string, unknown>);
    } catch {
      // Not this one.
    }
  }
  return undefined;
}

export function readErrorObject(body: Record<string, unknown>): ErrorDetails {
  const inner =
    typeof body["error"] === "object" && body["error"] !== null
      ? (body["error"] as Record<string, unknown>)
      : body;
  const firstListed = Array.isArray(inner["errors"])
    ? (inner["errors"][0] as Record<string, unknown> | undefined)
    : undefined;
  const message = pickString(
    inner["message"],
    body["message"],
    body["error"],
    firstListed?.["detail"],
    firstListed?.["message"],
  );
  const dataErrors = readUpstreamData(inner["data"]);
  const status = pickNumber(
    inner["status"],
    inner["statusCode"],
    body["status"],
    body["statusCode"],
    (inner["response"] as Record<string, unknown> | undefined)?.["status"],
  );
  const headers = (inner["headers"] ?? {}) as Record<string, unknown>;
  const retryAfter = pickNumber(inner["retryAfter"], headers["retry-after"], headers["Retry-After"]);
  const details: ErrorDetails = {};
  const fullMessage =
    message && dataErrors && message.includes(dataErrors)
      ? message
      : [message, dataErrors].filter(Boolean).join(": ");
  if (fullMessage) details.message = fullMessage;
  if (status !== undefined) details.status = status;
  const runId = pickString(inner["actionRunId"], body["actionRunId"]);
  if (runId) details.actionRunId = runId;
  if (retryAfter !== undefined) details.retryAfterSeconds = retryAfter;
  return details;
}

/** The upstream body's own explanation, e.g. Customer.io's `{errors: [{detail}]}`. */
function readUpstreamData(data: unknown): string | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data === "string") return data;
  const record = data as Record<string, unknown>;
  if (Array.isArray(record["errors"])) {
    return record["errors"]
      .map((item) =>
        typeof item === "object" && item
          ? pickString(
              (item as Record<string, unknown>)["detail"],
              (item as Record<string, unknown>)["message"],
            )
          : String(item),
      )
      .filter(Boolean)
      .join("; ");
  }
  return JSON.stringify(data).slice(0, 600);
}

function pickString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === "string" && value.trim() !== "")?.trim();
}

export function pickNumber(...values: unknown[]): number | undefined {
  for (const value of values) {
    const number = typeof value === "string" ? Number(value) : value;
    if (typeof number === "number" && Number.isFinite(number)) return number;
  }
  return undefined;
}

/** The useful end of a text stream: no stack frames, no blank lines, at most the limit. */
function textTail(text: string): string | undefined {
  const lines = text
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "" && !/^\s+at\s/.test(line) && !/^\s*\^+\s*$/.test(line));
  const joined = lines.join("\n").trim();
  return joined === "" ? undefined : joined.slice(-MESSAGE_LIMIT);
}

export function trimMessage(message: string): string {
  return message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT)}…` : message;
}

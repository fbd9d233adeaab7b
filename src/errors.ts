/**
 * The error kinds the server can meet, and the one function that turns any of them into a tool result.
 * Every failure an agent can cause or meet becomes `isError: true` with a message saying what happened and
 * what to do next; only text we trust (our own, or the CLI's output after scrubbing) goes out: the message
 * and the whole structuredContent (the action run id included) go through the scrubber, and are capped.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { scrubSecrets, scrubValue } from "./guard/scrub.js";
import { capNote, NOTE_MAX_CHARS, NOTE_SCRUB_CHARS } from "./output/cap.js";

/** A failure with a message meant for the agent or the person behind it. */
export class ActionableError extends Error {
  /** What to do next, one sentence; appended to the message in results. */
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.hint = hint;
  }
}

/** The agent sent arguments that do not fit: nothing was run. */
export class UserInputError extends ActionableError {}

/** The server was started with a flag or environment value that does not fit. */
export class ConfigError extends ActionableError {}

/** The Customer.io connection is missing, ambiguous or needs a person's attention. */
export class ConnectionError extends ActionableError {}

export type CliFailureKind =
  | "not-found"
  | "not-logged-in"
  | "exit"
  | "bad-output"
  | "timeout"
  | "cancelled"
  | "too-large"
  | "spawn";

/** A Membrane CLI call that did not give the answer expected. */
export class CliError extends ActionableError {
  readonly kind: CliFailureKind;
  readonly exitCode: number | undefined;
  /** Upstream HTTP status when the CLI reported one. */
  readonly status: number | undefined;
  /** Membrane's id for the run, for its logs. */
  readonly actionRunId: string | undefined;
  /** Seconds the upstream asked us to wait (HTTP 429 Retry-After), when known. */
  readonly retryAfterSeconds: number | undefined;
  constructor(
    kind: CliFailureKind,
    message: string,
    options: {
      hint?: string;
      exitCode?: number;
      status?: number;
      actionRunId?: string;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(message, options.hint);
    this.kind = kind;
    this.exitCode = options.exitCode;
    this.status = options.status;
    this.actionRunId = options.actionRunId;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/**
 * The text an agent sees for any error: message, then the next step. Scrubbed of secrets; a message too
 * long for a result (a CLI that printed megabytes) is cut, the next step always kept.
 */
export function describeError(error: unknown): string {
  const { text, hint } = errorParts(error);
  const next = hint ? scrubSecrets(`\nNext step: ${hint}`).slice(0, NOTE_MAX_CHARS / 2) : "";
  return (
    capNote(scrubSecrets(text.slice(0, NOTE_SCRUB_CHARS)), NOTE_MAX_CHARS - next.length, text.length) + next
  );
}

function errorParts(error: unknown): { text: string; hint: string | undefined } {
  if (error instanceof ActionableError) {
    const parts = [error.message];
    if (error instanceof CliError) {
      if (error.status !== undefined) parts.push(`(HTTP status ${error.status})`);
      if (error.actionRunId) parts.push(`(action run ${error.actionRunId})`);
    }
    return { text: parts.join(" "), hint: error.hint };
  }
  // Anything else is a bug of ours: say so without a stack trace.
  const detail = error instanceof Error ? error.message : String(error);
  return {
    text: `Internal error in customerio-mcp: ${detail}`,
    hint: "try again; if it persists, run `customerio-mcp doctor` and report the issue.",
  };
}

/** The one place a thrown error becomes an MCP tool result. */
export function errorToToolResult(error: unknown): CallToolResult {
  const structured: Record<string, unknown> = { error: describeError(error) };
  if (error instanceof CliError) {
    structured["kind"] = error.kind;
    if (error.status !== undefined) structured["status"] = error.status;
    if (error.actionRunId) structured["actionRunId"] = error.actionRunId;
  }
  const safe = scrubValue(structured);
  return {
    isError: true,
    content: [{ type: "text", text: safe["error"] as string }],
    structuredContent: safe,
  };
}

/**
 * The one function that turns any error into a tool result. Every failure an agent can cause or meet becomes
 * `isError: true` with a message saying what happened and what to do next; only text we trust (our own, or
 * the CLI's output after scrubbing) goes out: the message and the whole structuredContent (the action run id
 * included) go through the scrubber, and are capped.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { ActionableError, CliError } from "../errors.js";
import { scrubSecrets, scrubValue } from "../redact/scrub.js";
import { capNote, NOTE_MAX_CHARS, NOTE_SCRUB_CHARS } from "./cap.js";

/**
 * The text an agent sees for any error: message, then the next step. Scrubbed of secrets; a message too
 * long for a result (a CLI that printed megabytes) is cut, the next step always kept.
 */
export function describeError(error: unknown): string {
  const { hint } = errorParts(error);
  const next = hint ? scrubSecrets(`\nNext step: ${hint}`).slice(0, NOTE_MAX_CHARS / 2) : "";
  return describeProblem(error, NOTE_MAX_CHARS - next.length) + next;
}

/** What went wrong, without the next step (for a status report or a log line): scrubbed and capped. */
export function describeProblem(error: unknown, maxChars = NOTE_MAX_CHARS): string {
  const { text } = errorParts(error);
  return capNote(scrubSecrets(text.slice(0, NOTE_SCRUB_CHARS)), maxChars, text.length);
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

/**
 * The one place a thrown error becomes an MCP tool result. Its structuredContent must also fit a typed
 * tool's open `{output, actionRunId}` envelope (catalog/output-contract.ts): no `output` key, and
 * `actionRunId` a string.
 */
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

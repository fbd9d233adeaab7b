/**
 * Turns an HTTP answer from Membrane that is not a success into the same error kinds as the CLI path
 * (errors.ts): a refused token is "not-logged-in" with what to do; any other status is an "exit" carrying
 * the HTTP status (so retry.ts retries 429 and 5xx the same way, honouring Retry-After) and Membrane's
 * `actionRunId`. The OpenAPI declares no error responses: bodies are read as Membrane's error object
 * `{ type, key, message, data }` when they are one, else as text; the message is cut, then scrubbed on the way
 * out (output/error-result.ts), like the CLI's stderr.
 */
import { CliError } from "../../errors.js";
import { scrubSecrets } from "../../redact/scrub.js";
import { hintForStatus, pickNumber, readErrorObject, trimMessage } from "../cli/cli-failure.js";

/** The seconds a Retry-After header asks for (delta-seconds or an HTTP date), when it says. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - now) / 1000));
}

function parseBody(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The CliError for a non-2xx answer to `what` (e.g. "POST /act"). */
export function failureFromResponse(
  status: number,
  headers: Headers,
  text: string,
  what: string,
  refusedHint: string,
): CliError {
  const body = parseBody(text);
  const details = body ? readErrorObject(body) : {};
  const key = typeof body?.["key"] === "string" ? body["key"] : undefined;
  const message = trimMessage(scrubSecrets(details.message ?? text.trim().slice(0, 2000)));
  // An upstream refusal (Customer.io's 401 inside a run) comes as an action or connection error, not a bad token.
  const upstream = body?.["type"] === "action_run" || body?.["type"] === "connection";
  if ((status === 401 && !upstream) || key === "not_authenticated") {
    return new CliError("not-logged-in", `Membrane refused the token (HTTP ${status}) for ${what}.`, {
      hint: refusedHint,
      status,
    });
  }
  const retryAfter =
    retryAfterSeconds(headers.get("retry-after")) ?? pickNumber(details.retryAfterSeconds) ?? undefined;
  return new CliError(
    "exit",
    message
      ? `Membrane answered HTTP ${status} to ${what}: ${message}`
      : `Membrane answered HTTP ${status} to ${what} without a message.`,
    {
      hint: hintForStatus(status),
      status,
      ...(details.actionRunId !== undefined ? { actionRunId: details.actionRunId } : {}),
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    },
  );
}

/**
 * An error the CLI printed on stdout while exiting 0. Some builds report a failed API call that way; read as
 * data, the upstream message would be lost (an `action run` without `output` becomes `null`). Only an
 * unambiguous error envelope counts, so that real data is never mistaken for one: the whole stdout is one
 * JSON object, with no key but the envelope's own (never `output` or `items`), and either an `error` (a
 * text, or an object with a `message`) or a `message` with an HTTP error `status`.
 */
import { CliError } from "../../errors.js";
import { hintForStatus, NOT_LOGGED_IN, pickNumber, readErrorObject, trimMessage } from "./cli-failure.js";

const ENVELOPE_KEYS = new Set([
  "error",
  "message",
  "status",
  "statusCode",
  "code",
  "name",
  "type",
  "data",
  "actionRunId",
  "success",
  "ok",
]);

const nonEmptyText = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

function isErrorEnvelope(body: unknown): body is Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const record = body as Record<string, unknown>;
  if (!Object.keys(record).every((key) => ENVELOPE_KEYS.has(key))) return false;
  const error = record["error"];
  if (error !== undefined) {
    if (nonEmptyText(error)) return true;
    return (
      typeof error === "object" &&
      error !== null &&
      !Array.isArray(error) &&
      nonEmptyText((error as Record<string, unknown>)["message"])
    );
  }
  const status = pickNumber(record["status"], record["statusCode"]);
  return nonEmptyText(record["message"]) && status !== undefined && status >= 400 && status <= 599;
}

/** The CliError for an error envelope on a successful run's stdout, or undefined when it is data. */
export function errorInOutput(stdout: string): CliError | undefined {
  const text = stdout.trim();
  if (!text.startsWith("{") || !text.endsWith("}")) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isErrorEnvelope(body)) return undefined;
  const details = readErrorObject(body);
  const message = trimMessage(details.message ?? "");
  if (NOT_LOGGED_IN.test(message)) {
    return new CliError("not-logged-in", "The Membrane CLI is not logged in.", {
      hint: "Run `membrane login --tenant` in a terminal (headless: open the printed URL, then `membrane login complete <code>`), then try again.",
      exitCode: 0,
    });
  }
  return new CliError(
    "exit",
    message
      ? `The Membrane CLI reported an error: ${message}`
      : "The Membrane CLI reported an error without a message.",
    {
      hint: hintForStatus(details.status),
      exitCode: 0,
      status: details.status,
      actionRunId: details.actionRunId,
      retryAfterSeconds: details.retryAfterSeconds,
    },
  );
}

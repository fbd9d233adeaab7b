/**
 * How the sandbox's REST face answers: JSON bodies, and failures as Membrane's error object
 * `{ type, key?, message, data? }` (the SDK's ErrorType values) with an HTTP status, plus the run's
 * `actionRunId` when there was a run.
 */
import { SandboxFailure, UsageError } from "../failure.js";

export function json(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

export function membraneError(
  status: number,
  error: { type: string; key?: string; message: string; data?: unknown; actionRunId?: string },
  headers: Record<string, string> = {},
): Response {
  return json(error, status, headers);
}

export const notAuthenticated = () =>
  membraneError(401, { type: "bad_request", key: "not_authenticated", message: "Not authenticated" });

export function routeNotFound(method: string, path: string): Response {
  return membraneError(404, { type: "bad_request", key: "not_found", message: `Cannot ${method} ${path}` });
}

export function badRequest(message: string): Response {
  return membraneError(400, { type: "bad_request", message });
}

/** A failure of the simulated Membrane or of the simulated Customer.io API, as Membrane reports it. */
export function failureAnswer(error: unknown): Response {
  if (error instanceof UsageError) return badRequest(error.message.replace(/^error: /, ""));
  if (!(error instanceof SandboxFailure)) {
    return membraneError(500, { type: "internal", message: `sandbox error: ${(error as Error).message}` });
  }
  const status = error.status ?? 500;
  const data = error.data as { key?: unknown; clientAction?: unknown } | undefined;
  const type =
    data?.key === "not_found"
      ? "bad_request"
      : data?.clientAction !== undefined
        ? "connection"
        : "action_run";
  return membraneError(status, {
    type,
    ...(typeof data?.key === "string" ? { key: data.key } : {}),
    message: error.message,
    ...(error.data !== undefined ? { data: error.data } : {}),
    ...(error.actionRunId !== undefined ? { actionRunId: error.actionRunId } : {}),
  });
}

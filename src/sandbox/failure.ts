/**
 * The two ways a sandbox command can fail, mirroring what the Membrane CLI does: a failed operation
 * (exit 1, one line of JSON on stderr) and bad usage (exit 2, plain text on stderr).
 */

/** An operation that ran and failed: an upstream HTTP error, a rejected input, an unknown record. */
export class SandboxFailure extends Error {
  readonly status: number | undefined;
  readonly data: unknown;
  actionRunId: string | undefined;
  constructor(message: string, options: { status?: number; data?: unknown; actionRunId?: string } = {}) {
    super(message);
    this.name = "SandboxFailure";
    this.status = options.status;
    this.data = options.data;
    this.actionRunId = options.actionRunId;
  }

  /** The single stderr line the sandbox prints for this failure. */
  toJsonLine(): string {
    const error: Record<string, unknown> = { message: this.message };
    if (this.status !== undefined) error["status"] = this.status;
    if (this.data !== undefined) error["data"] = this.data;
    if (this.actionRunId !== undefined) error["actionRunId"] = this.actionRunId;
    return JSON.stringify({ error });
  }
}

/** The command line itself is wrong: unknown command, missing argument, malformed flag value. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The Customer.io App API error body for a missing record. */
export function notFound(what: string): SandboxFailure {
  const detail = `${what} not found`;
  return new SandboxFailure(`Request failed with status 404: ${detail}`, {
    status: 404,
    data: { errors: [{ detail, status: "404" }] },
  });
}

/** The Customer.io App API error body for a request it understood but refused. */
export function unprocessable(detail: string, source?: string): SandboxFailure {
  const error: Record<string, unknown> = { detail, status: "422" };
  if (source !== undefined) error["source"] = { pointer: source };
  return new SandboxFailure(`Request failed with status 422: ${detail}`, {
    status: 422,
    data: { errors: [error] },
  });
}

/** The Customer.io App API error body for a body that is not what the endpoint takes. */
export function badRequest(detail: string): SandboxFailure {
  return new SandboxFailure(`Request failed with status 400: ${detail}`, {
    status: 400,
    data: { meta: { error: detail } },
  });
}

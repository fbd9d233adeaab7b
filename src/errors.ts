/**
 * The error kinds the server can meet, each with a message saying what happened and a hint saying what to
 * do next. Turning them into text and tool results (scrubbed and capped) is output/error-result.ts's job.
 */

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

type CliFailureKind =
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

/**
 * What the CLI backend needs from whatever runs a Membrane CLI command: argv in; stdout, stderr and the exit
 * code out; stopped when its signal aborts (the call's one deadline, or the client's cancellation). Two
 * runners: process-runner.ts (the real CLI as a process tree) and in-process-runner.ts (a CLI face that is
 * a function, the embedded sandbox). Everything else (slots, the deadline, failure classification, errors
 * printed as success, JSON parsing) stays above, in cli.ts, so both runners are read exactly alike.
 */

/** How to start the CLI as a process: the executable, arguments placed before ours, and extra environment. */
export interface CliCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
  /** What to call it in messages: the path a person configured or that was found. */
  display: string;
}

/** What one run gave back, whoever ran it (runner-neutral: cli-failure.ts classifies it). */
export interface RunOutcome {
  stdout: string;
  stderr: string;
  /** The exit code; undefined when the command never ran or was ended by a signal. */
  exitCode: number | undefined;
  /** The signal that ended the process, if one did. */
  signal?: string | undefined;
  /** The system's error code when the command could not be started at all (ENOENT, EACCES, E2BIG...). */
  startError?: string | undefined;
  /** stdout passed the byte limit: the run was stopped and its output dropped. */
  outputTooLarge?: boolean | undefined;
  /** The run was stopped because the signal aborted (the caller knows why: deadline or cancellation). */
  stopped?: boolean | undefined;
}

export interface RunnerOptions {
  /** Aborts at the call's deadline or on cancellation: the run must stop and answer soon after. */
  signal: AbortSignal;
  /** More stdout than this stops the run (outputTooLarge). */
  maxOutputBytes: number;
}

export interface CommandRunner {
  /** What to call the CLI in messages (the configured path, or the sandbox's name). */
  readonly display: string;
  /** Throws a CliError (too-large) when the arguments could never be passed to the CLI; nothing runs. */
  checkArgs(args: readonly string[]): void;
  run(args: readonly string[], options: RunnerOptions): Promise<RunOutcome>;
}

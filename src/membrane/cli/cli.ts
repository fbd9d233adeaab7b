/**
 * Runs Membrane CLI commands through a runner (runner.ts: a process in production, the in-process sandbox
 * for --sandbox and tests) under one deadline per call (the wait for a slot and the run both fit in it) and
 * the request's cancellation signal. What is shared by every runner lives here: the slots, the deadline,
 * the progress tick, failure classification (cli-failure.ts), errors printed as success (output-error.ts)
 * and JSON parsing. Every way a run can fail becomes a CliError a person can act on.
 */
import type { z } from "zod";
import { CliError } from "../../errors.js";
import type { Logger } from "../../log.js";
import { type Clock, systemClock } from "../clock.js";
import { describeArgs } from "./argv.js";
import { classifyFailure, failed } from "./cli-failure.js";
import { errorInOutput } from "./output-error.js";
import { ProcessRunner } from "./process-runner.js";
import type { CliCommand, CommandRunner } from "./runner.js";
import { CliSlots } from "./slots.js";

export { describeArgs, MAX_ARGUMENT_BYTES } from "./argv.js";
export type { CliCommand, CommandRunner } from "./runner.js";

export interface CliRunOptions {
  signal?: AbortSignal | undefined;
  /** Called about once a second while the call runs, with the seconds elapsed (for progress). */
  onTick?: ((elapsedSeconds: number) => void) | undefined;
  /**
   * Epoch milliseconds by which the call must be over, when it is one try of several (see retry.ts);
   * never later than the timeout counted from now.
   */
  deadline?: number | undefined;
}

interface CliRunnerOptions {
  timeoutMs: number;
  maxConcurrent: number;
  maxOutputBytes: number;
  log: Logger;
  /** Paces the progress tick and the retry waits of callers (tests pass a faster one); not the deadlines. */
  clock?: Clock | undefined;
}

/** The reason the call's signal carries when its deadline passed (anything else is a cancellation). */
const DEADLINE = Symbol("deadline");

/** A runner for `target`: a CliCommand runs as a process; a runner is used as is. */
export function runnerFor(target: CliCommand | CommandRunner): CommandRunner {
  return "run" in target ? target : new ProcessRunner(target);
}

export class MembraneCli {
  private readonly slots;
  private shutdown = new AbortController();
  /** The clock of the waits around calls: the progress tick here, Retry-After waits in retry.ts. */
  readonly clock: Clock;

  readonly runner: CommandRunner;

  constructor(
    target: CliCommand | CommandRunner,
    private readonly options: CliRunnerOptions,
  ) {
    this.runner = runnerFor(target);
    this.slots = new CliSlots(options.maxConcurrent);
    this.clock = options.clock ?? systemClock;
  }

  /** Stops every call under way or waiting (the server is closing); later calls run normally. */
  stopAll(): void {
    this.shutdown.abort();
    this.shutdown = new AbortController();
  }

  /** What to call the CLI in messages. */
  get display(): string {
    return this.runner.display;
  }

  get timeoutSeconds(): number {
    return Math.round(this.options.timeoutMs / 1000);
  }

  /** Runs the CLI and returns its stdout; throws CliError on any failure. */
  async run(args: readonly string[], options: CliRunOptions = {}): Promise<string> {
    this.runner.checkArgs(args);
    // The deadline counts from the call, not from the spawn: a call queued behind others must not outlive it.
    const queuedAt = Date.now();
    const deadline = Math.min(
      options.deadline ?? Number.POSITIVE_INFINITY,
      queuedAt + this.options.timeoutMs,
    );
    const signal = options.signal
      ? AbortSignal.any([options.signal, this.shutdown.signal])
      : this.shutdown.signal;
    return this.slots.run(() => this.runOnce(args, options.onTick, signal, deadline), {
      deadline,
      signal,
      cancelled: cancelledError,
      expired: () =>
        new CliError(
          "timeout",
          `The call waited ${Math.round((Date.now() - queuedAt) / 1000)} s for a free Membrane CLI slot and was not started.`,
          { hint: "Too many calls at once: wait for the others to finish, or make fewer calls in parallel." },
        ),
    });
  }

  /** Runs the CLI and parses stdout as JSON matching `schema`. */
  async json<T>(args: readonly string[], schema: z.ZodType<T>, options: CliRunOptions = {}): Promise<T> {
    const stdout = await this.run(args, options);
    let parsed: unknown;
    try {
      parsed = JSON.parse(stdout);
    } catch {
      throw new CliError(
        "bad-output",
        `The Membrane CLI (${this.runner.display}) printed something that is not JSON for \`${describeArgs(args)}\`.`,
        {
          hint: "Check that MEMBRANE_CLI points at the Membrane CLI (npm @membranehq/cli) and that `membrane --version` works.",
        },
      );
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      const where = result.error.issues[0]?.path.join(".") || "(top level)";
      throw new CliError(
        "bad-output",
        `The Membrane CLI printed JSON of an unexpected shape for \`${describeArgs(args)}\` (at ${where}).`,
        {
          hint: "The CLI may be a newer or older version than this server knows: run `membrane --version` and report it.",
        },
      );
    }
    return result.data;
  }

  private async runOnce(
    args: readonly string[],
    onTick: CliRunOptions["onTick"],
    signal: AbortSignal,
    deadline: number,
  ): Promise<string> {
    if (signal.aborted) throw cancelledError();
    const started = Date.now();
    // One signal for the runner: the call's deadline or its cancellation, whichever comes first.
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(DEADLINE), Math.max(0, deadline - Date.now()));
    const onAbort = () => stop.abort(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    // Seconds on the injected clock: one a tick (a test's quick clock ticks faster, and counts the same).
    let seconds = 0;
    const stopTicking = onTick ? this.clock.every(1000, () => onTick(++seconds)) : undefined;
    try {
      const outcome = await this.runner.run(args, {
        signal: stop.signal,
        maxOutputBytes: this.options.maxOutputBytes,
      });
      this.options.log.debug(`membrane ${describeArgs(args)}`, {
        exitCode: outcome.exitCode ?? null,
        durationMs: Date.now() - started,
      });
      if (outcome.stopped || stop.signal.aborted) {
        if (stop.signal.reason !== DEADLINE) throw cancelledError();
        throw new CliError(
          "timeout",
          `The Membrane CLI timed out after ${this.timeoutSeconds} s (\`${describeArgs(args)}\`); it was stopped.`,
          {
            hint: "Try again, ask for less (a smaller limit), or raise --timeout / CUSTOMERIO_MCP_TIMEOUT.",
          },
        );
      }
      if (failed(outcome)) throw classifyFailure(outcome, this.runner.display, this.options.maxOutputBytes);
      const reported = errorInOutput(outcome.stdout);
      if (reported) throw reported;
      return outcome.stdout;
    } finally {
      clearTimeout(timer);
      stopTicking?.();
      signal.removeEventListener("abort", onAbort);
    }
  }
}

function cancelledError(): CliError {
  return new CliError("cancelled", "The call was cancelled by the client; the Membrane CLI was stopped.");
}

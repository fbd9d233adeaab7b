/**
 * The only module that spawns processes: runs the Membrane CLI with an argument array (never a shell) under
 * one deadline per call (the wait for a slot and the run both fit in it) and the request's cancellation
 * signal; at the deadline, or on cancellation, the whole process tree is killed and the call answers within
 * about a second even if a descendant keeps the CLI's stdout open. Every way a run can fail becomes a
 * CliError a person can act on (see cli-failure.ts).
 */
import type { z } from "zod";
import { CliError } from "../errors.js";
import type { Logger } from "../log.js";
import { checkArgvSize, describeArgs } from "./argv.js";
import { classifyFailure } from "./cli-failure.js";
import { type Clock, systemClock } from "./clock.js";
import { errorInOutput } from "./output-error.js";
import { killTree, trackChild } from "./process-tree.js";
import { CliSlots } from "./slots.js";

export { describeArgs, MAX_ARGUMENT_BYTES } from "./argv.js";

/** How to start the CLI: the executable, arguments placed before ours, and extra environment. */
export interface CliCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
  /** What to call it in messages: the path a person configured or that was found. */
  display: string;
}

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

/** After SIGTERM, the process tree gets this long before SIGKILL. */
const KILL_GRACE_MS = 500;
/** After a stop, the call answers within this long even if the CLI's pipes are still open. */
const ANSWER_AFTER_STOP_MS = 1200;

export class MembraneCli {
  private readonly slots;
  private shutdown = new AbortController();
  /** The clock of the waits around calls: the progress tick here, Retry-After waits in retry.ts. */
  readonly clock: Clock;

  constructor(
    readonly command: CliCommand,
    private readonly options: CliRunnerOptions,
  ) {
    this.slots = new CliSlots(options.maxConcurrent);
    this.clock = options.clock ?? systemClock;
  }

  /** Stops every call under way or waiting (the server is closing); later calls run normally. */
  stopAll(): void {
    this.shutdown.abort();
    this.shutdown = new AbortController();
  }

  get timeoutSeconds(): number {
    return Math.round(this.options.timeoutMs / 1000);
  }

  /** Runs the CLI and returns its stdout; throws CliError on any failure. */
  async run(args: readonly string[], options: CliRunOptions = {}): Promise<string> {
    checkArgvSize([this.command.command, ...this.command.args, ...args], {
      ...process.env,
      ...this.command.env,
    });
    // The deadline counts from the call, not from the spawn: a call queued behind others must not outlive it.
    const queuedAt = Date.now();
    const deadline = Math.min(
      options.deadline ?? Number.POSITIVE_INFINITY,
      queuedAt + this.options.timeoutMs,
    );
    const signal = options.signal
      ? AbortSignal.any([options.signal, this.shutdown.signal])
      : this.shutdown.signal;
    return this.slots.run(() => this.spawnOnce(args, options.onTick, signal, deadline), {
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
        `The Membrane CLI (${this.command.display}) printed something that is not JSON for \`${describeArgs(args)}\`.`,
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

  private async spawnOnce(
    args: readonly string[],
    onTick: CliRunOptions["onTick"],
    signal: AbortSignal,
    deadline: number,
  ): Promise<string> {
    // Loaded on first use: execa costs about 60 ms to import, which start-up should not pay.
    const { execa } = await import("execa");
    if (signal.aborted) throw cancelledError();
    const started = Date.now();
    const subprocess = execa(this.command.command, [...this.command.args, ...args], {
      env: this.command.env,
      extendEnv: true,
      stdin: "ignore",
      reject: false,
      detached: process.platform !== "win32",
      cleanup: true,
      windowsHide: true,
      maxBuffer: { stdout: this.options.maxOutputBytes, stderr: 256_000 },
      stripFinalNewline: true,
    });
    // Tracked until the process really ends, even when the call stops waiting for it before.
    const untrack = trackChild(subprocess);
    subprocess.then(untrack, untrack);
    let stopReason: "timeout" | "cancelled" | undefined;
    let answerTimer: NodeJS.Timeout | undefined;
    let giveUpWaiting = () => {};
    const givenUp = new Promise<undefined>((resolve) => {
      giveUpWaiting = () => resolve(undefined);
    });
    const stop = (reason: "timeout" | "cancelled") => {
      if (stopReason) return;
      stopReason = reason;
      killTree(subprocess, KILL_GRACE_MS);
      // A descendant that left the process group may hold the pipes open: stop reading them and answer.
      answerTimer = setTimeout(() => {
        subprocess.stdout?.destroy();
        subprocess.stderr?.destroy();
        giveUpWaiting();
      }, ANSWER_AFTER_STOP_MS);
    };
    const timer = setTimeout(() => stop("timeout"), Math.max(0, deadline - Date.now()));
    // Seconds on the injected clock: one a tick (a test's quick clock ticks faster, and counts the same).
    let seconds = 0;
    const stopTicking = onTick ? this.clock.every(1000, () => onTick(++seconds)) : undefined;
    const onAbort = () => stop("cancelled");
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      const result = await Promise.race([subprocess, givenUp]);
      this.options.log.debug(`membrane ${describeArgs(args)}`, {
        exitCode: result?.exitCode ?? null,
        durationMs: Date.now() - started,
      });
      if (stopReason === "cancelled") throw cancelledError();
      if (stopReason === "timeout" || result === undefined) {
        throw new CliError(
          "timeout",
          `The Membrane CLI timed out after ${this.timeoutSeconds} s (\`${describeArgs(args)}\`); it was stopped.`,
          {
            hint: "Try again, ask for less (a smaller limit), or raise --timeout / CUSTOMERIO_MCP_TIMEOUT.",
          },
        );
      }
      if (result.failed) throw classifyFailure(result, this.command.display, this.options.maxOutputBytes);
      const stdout = String(result.stdout ?? "");
      const reported = errorInOutput(stdout);
      if (reported) throw reported;
      return stdout;
    } finally {
      clearTimeout(timer);
      clearTimeout(answerTimer);
      stopTicking?.();
      signal.removeEventListener("abort", onAbort);
    }
  }
}

function cancelledError(): CliError {
  return new CliError("cancelled", "The call was cancelled by the client; the Membrane CLI was stopped.");
}

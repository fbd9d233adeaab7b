/**
 * The only module that spawns processes: runs the Membrane CLI with an argument array (never a shell),
 * a timeout and the request's cancellation signal, both of which kill the whole process tree; caps what it
 * reads; and turns every way a run can fail into a CliError a person can act on (see cli-failure.ts).
 */
import pLimit from "p-limit";
import type { z } from "zod";
import { CliError } from "../errors.js";
import type { Logger } from "../log.js";
import { classifyFailure } from "./cli-failure.js";
import { killTree, trackChild } from "./process-tree.js";

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
}

export interface CliRunnerOptions {
  timeoutMs: number;
  maxConcurrent: number;
  maxOutputBytes: number;
  log: Logger;
}

/** Any single argument longer than this fails to spawn on Linux (MAX_ARG_STRLEN is 128 KiB). */
export const MAX_ARGUMENT_BYTES = 120_000;

const KILL_GRACE_MS = 750;

export class MembraneCli {
  private readonly limit;
  private shutdown = new AbortController();

  constructor(
    readonly command: CliCommand,
    private readonly options: CliRunnerOptions,
  ) {
    this.limit = pLimit(options.maxConcurrent);
  }

  /** Stops every call under way (the server is closing); later calls run normally. */
  stopAll(): void {
    this.shutdown.abort();
    this.shutdown = new AbortController();
  }

  get timeoutSeconds(): number {
    return Math.round(this.options.timeoutMs / 1000);
  }

  /** Runs the CLI and returns its stdout; throws CliError on any failure. */
  run(args: readonly string[], options: CliRunOptions = {}): Promise<string> {
    for (const arg of args) {
      if (Buffer.byteLength(arg) > MAX_ARGUMENT_BYTES) {
        throw new CliError(
          "too-large",
          `An argument of ${Math.round(Buffer.byteLength(arg) / 1024)} KB is too large to pass to the Membrane CLI (at most ${MAX_ARGUMENT_BYTES / 1000} KB).`,
          {
            hint: "Send less at once: split the input into several calls, or keep only the fields that are needed.",
          },
        );
      }
    }
    // The timeout counts from the call, not from the spawn: a call queued behind others must not outlive it.
    const deadline = Date.now() + this.options.timeoutMs;
    return this.limit(() => this.spawnOnce(args, options, deadline));
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
    options: CliRunOptions,
    deadline: number,
  ): Promise<string> {
    const { signal, onTick } = options;
    // Loaded on first use: execa costs about 60 ms to import, which start-up should not pay.
    const { execa } = await import("execa");
    if (signal?.aborted) throw cancelledError();
    if (Date.now() >= deadline) {
      throw new CliError(
        "timeout",
        `The call waited ${this.timeoutSeconds} s for a free Membrane CLI slot and was not started.`,
        {
          hint: "Too many calls at once: wait for the others to finish, or make fewer calls in parallel.",
        },
      );
    }
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
    const untrack = trackChild(subprocess);
    let stopReason: "timeout" | "cancelled" | undefined;
    const stop = (reason: "timeout" | "cancelled") => {
      if (stopReason) return;
      stopReason = reason;
      killTree(subprocess, KILL_GRACE_MS);
    };
    const timer = setTimeout(() => stop("timeout"), deadline - Date.now());
    const ticker = onTick
      ? setInterval(() => onTick(Math.round((Date.now() - started) / 1000)), 1000)
      : undefined;
    const onAbort = () => stop("cancelled");
    const shutdownSignal = this.shutdown.signal;
    signal?.addEventListener("abort", onAbort, { once: true });
    shutdownSignal.addEventListener("abort", onAbort, { once: true });
    try {
      const result = await subprocess;
      const durationMs = Date.now() - started;
      this.options.log.debug(`membrane ${describeArgs(args)}`, {
        exitCode: result.exitCode ?? null,
        durationMs,
      });
      if (stopReason === "cancelled") throw cancelledError();
      if (stopReason === "timeout") {
        throw new CliError(
          "timeout",
          `The Membrane CLI timed out after ${this.timeoutSeconds} s (\`${describeArgs(args)}\`); it was stopped.`,
          {
            hint: "Try again, ask for less (a smaller limit), or raise --timeout / CUSTOMERIO_MCP_TIMEOUT.",
          },
        );
      }
      if (!result.failed) return String(result.stdout ?? "");
      throw classifyFailure(result, this.command.display, this.options.maxOutputBytes);
    } finally {
      clearTimeout(timer);
      if (ticker) clearInterval(ticker);
      signal?.removeEventListener("abort", onAbort);
      shutdownSignal.removeEventListener("abort", onAbort);
      untrack();
    }
  }
}

function cancelledError(): CliError {
  return new CliError("cancelled", "The call was cancelled by the client; the Membrane CLI was stopped.");
}

/** The command line for logs and messages: the subcommand and flag names, never values (they may be data). */
export function describeArgs(args: readonly string[]): string {
  const shown: string[] = [];
  for (const arg of args) {
    if (arg.startsWith("--")) shown.push(arg.split("=")[0] ?? arg);
    else if (shown.length < 2 && !arg.startsWith("-") && /^[a-z-]+$/.test(arg)) shown.push(arg);
  }
  return `membrane ${shown.join(" ")}`.trim();
}

/**
 * The sandbox's CLI face: a command line in; stdout, stderr and an exit code out, exactly as the Membrane
 * CLI prints them (docs/membrane-cli-contract.md): JSON on stdout; on failure exit 1 and one line of JSON
 * `{"error":{...}}` on stderr; bad usage exit 2 with text. A function, so the server can run it in its own
 * process (--sandbox) and the bin can run it as a process; both print the same bytes.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { SandboxFailure, UsageError } from "../failure.js";
import type { Sandbox } from "../sandbox.js";
import { type ParsedArgs, parseCommandLine } from "./args.js";
import { type CommandOutput, runCommand } from "./run-command.js";

export interface CliAnswer {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** What a command's output looks like on stdout. */
export function printed(output: CommandOutput): string {
  return "text" in output ? `${output.text}\n` : `${JSON.stringify(output.json, null, 2)}\n`;
}

/** The answer for an error thrown while a command ran: bad usage (2) or a failed operation (1). */
export function failureAnswer(error: unknown): CliAnswer {
  if (error instanceof UsageError) return { stdout: "", stderr: `${error.message}\n`, exitCode: 2 };
  const failure =
    error instanceof SandboxFailure
      ? error
      : new SandboxFailure(`sandbox error: ${(error as Error).message ?? error}`);
  return { stdout: "", stderr: `${failure.toJsonLine()}\n`, exitCode: 1 };
}

/** Runs an already parsed command line (for wrappers that look at it first, as the test faults do). */
export async function runParsed(sandbox: Sandbox, args: ParsedArgs): Promise<CliAnswer> {
  try {
    return { stdout: printed(await runCommand(args, sandbox)), stderr: "", exitCode: 0 };
  } catch (error) {
    return failureAnswer(error);
  }
}

/** Runs one command line against `sandbox`, after its latency (cut short when `signal` aborts). */
export async function runCli(
  sandbox: Sandbox,
  argv: readonly string[],
  options: { signal?: AbortSignal | undefined } = {},
): Promise<CliAnswer> {
  if (sandbox.latencyMs > 0) {
    await sleep(sandbox.latencyMs, undefined, { signal: options.signal }).catch(() => {});
    // Stopped while it waited: nothing runs (a killed CLI process would not run it either).
    if (options.signal?.aborted) return { stdout: "", stderr: "", exitCode: 130 };
  }
  let args: ParsedArgs;
  try {
    args = parseCommandLine([...argv]);
  } catch (error) {
    return failureAnswer(error);
  }
  return runParsed(sandbox, args);
}

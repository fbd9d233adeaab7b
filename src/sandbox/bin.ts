#!/usr/bin/env node
/**
 * customerio-mcp-sandbox: a stand-in for the Membrane CLI (`membrane`) over a simulated Customer.io
 * workspace, so the server, its tests and its benchmarks run without a real account. It speaks the
 * contract in docs/membrane-cli-contract.md: JSON on stdout; on failure exit 1 and one line of JSON
 * `{"error":{"message","status"?,"data"?,"actionRunId"?}}` on stderr; bad usage exit 2 with text.
 *
 * Environment:
 *   CUSTOMERIO_SANDBOX_STATE_DIR      folder holding the workspace state (workspace.json); seeded on first
 *                                     use. Default: <os tmpdir>/customerio-mcp-sandbox.
 *   CUSTOMERIO_SANDBOX_LATENCY_MS     sleep this long before answering any command (a slow CLI).
 *   CUSTOMERIO_SANDBOX_EXTRA_ACTIONS  append n generated, varied actions to the catalog (deterministic).
 *   CUSTOMERIO_SANDBOX_FAULT          misbehave as a real CLI can: comma-separated names from
 *                                     faults/faults.ts (hang, crash, garbage, huge, not-logged-in, ...).
 *
 * `customerio-mcp-sandbox serve --port <n>` serves its REST face instead (rest/serve.ts).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { booleanFlag, type ParsedArgs, parseCommandLine } from "./cli/args.js";
import { SandboxFailure, UsageError } from "./failure.js";
import { activeFaults, type Fault } from "./faults/faults.js";

async function simulateLatency(): Promise<void> {
  const latency = Number(process.env["CUSTOMERIO_SANDBOX_LATENCY_MS"] ?? 0);
  if (Number.isFinite(latency) && latency > 0) await sleep(latency);
}

/**
 * Runs the faults that are on: the exit code when one answered in place of the command, else undefined
 * (after any delay). The fault modules (child_process, crypto) are imported only when a fault is on: the
 * tests spawn the sandbox hundreds of times, almost always without one, and start-up CPU is their cost.
 */
async function runFaults(faults: Set<Fault>, args: ParsedArgs): Promise<number | undefined> {
  const [{ runProcessFault }, { commandFault, faultDelay }] = await Promise.all([
    import("./faults/process-faults.js"),
    import("./faults/command-faults.js"),
  ]);
  if (await runProcessFault(faults, args)) return 0;
  const faulted = commandFault(faults, args);
  if (faulted) {
    if (faulted.stdout) process.stdout.write(faulted.stdout);
    if (faulted.stderr) process.stderr.write(faulted.stderr);
    return faulted.exitCode;
  }
  await faultDelay(faults, args);
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  await simulateLatency();
  try {
    const args = parseCommandLine(argv);
    // `--version` always answers, so a faulty CLI can still be identified.
    const faults = booleanFlag(args, "version") ? new Set<never>() : activeFaults();
    const faultExitCode = faults.size > 0 ? await runFaults(faults, args) : undefined;
    if (faultExitCode !== undefined) return faultExitCode;
    // Loaded only now, so that a fault (a hang above all) takes hold as soon as a real CLI's would.
    const { runCommand } = await import("./cli/run-command.js");
    const output = await runCommand(args);
    process.stdout.write("text" in output ? `${output.text}\n` : `${JSON.stringify(output.json, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    const failure =
      error instanceof SandboxFailure
        ? error
        : new SandboxFailure(`sandbox error: ${(error as Error).message ?? error}`);
    process.stderr.write(`${failure.toJsonLine()}\n`);
    return 1;
  }
}

const argv = process.argv.slice(2);
process.exitCode =
  argv[0] === "serve" ? await (await import("./rest/serve.js")).serveMain(argv.slice(1)) : await main(argv);

/**
 * How the server runs the sandbox for `--sandbox`: in its own process, through the in-process runner, with
 * the workspace in memory (one workspace per server, gone when it exits). No process is started for a call
 * or a discovery. The one door from the server into the sandbox's code (see .dependency-cruiser.cjs).
 */
import { InProcessRunner } from "../membrane/cli/in-process-runner.js";
import type { CommandRunner } from "../membrane/cli/runner.js";
import { runCli } from "./cli/face.js";
import { createSandbox, type SandboxOptions } from "./sandbox.js";

export const SANDBOX_DISPLAY = "customerio-mcp-sandbox (embedded sandbox, in process)";

/** A runner over a new sandbox (in memory unless `options` name a state folder). */
export function inProcessSandbox(options: SandboxOptions = {}): CommandRunner {
  const sandbox = createSandbox(options);
  return new InProcessRunner(SANDBOX_DISPLAY, (args, { signal }) => runCli(sandbox, args, { signal }));
}

/**
 * How the server runs the sandbox for `--sandbox`: in its own process, through the in-process runner, with
 * the workspace in memory (one workspace per server, gone when it exits). No process is started for a call
 * or a discovery. With `--backend api` the same sandbox also answers as Membrane's REST API (its REST face,
 * as the REST backend's fetch): one workspace behind both faces. The one door from the server into the
 * sandbox's code (see .dependency-cruiser.cjs).
 */
import { InProcessRunner } from "../membrane/cli/in-process-runner.js";
import type { CommandRunner } from "../membrane/cli/runner.js";
import { runCli } from "./cli/face.js";
import { type SandboxApi, sandboxApi } from "./rest/in-process.js";
import { createSandbox, type Sandbox, type SandboxOptions } from "./sandbox.js";

export const SANDBOX_DISPLAY = "customerio-mcp-sandbox (embedded sandbox, in process)";

/** A runner over the CLI face of `sandbox`. */
export function runnerOver(sandbox: Sandbox, display = SANDBOX_DISPLAY): CommandRunner {
  return new InProcessRunner(display, (args, { signal }) => runCli(sandbox, args, { signal }));
}

/** A runner over a new sandbox (in memory unless `options` name a state folder). */
export function inProcessSandbox(options: SandboxOptions = {}): CommandRunner {
  return runnerOver(createSandbox(options));
}

export interface EmbeddedSandbox {
  runner: CommandRunner;
  /** The same sandbox's REST face, when asked for (`--backend api`). */
  api?: SandboxApi | undefined;
}

/** The sandbox of `--sandbox`: its CLI face as the runner, and its REST face too when `rest` is asked. */
export async function embeddedSandbox(
  options: SandboxOptions = {},
  { rest = false }: { rest?: boolean } = {},
): Promise<EmbeddedSandbox> {
  const sandbox = createSandbox(options);
  const runner = runnerOver(sandbox);
  if (!rest) return { runner };
  return { runner, api: sandboxApi(sandbox) };
}

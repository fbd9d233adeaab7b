/**
 * How the server starts the sandbox in place of the Membrane CLI: the node binary, the compiled bin next
 * to this file, and the environment naming a state directory (a fresh temp folder unless one is given).
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface SandboxLaunch {
  command: string;
  args: string[];
  env: Record<string, string>;
  stateDir: string;
}

export async function createSandboxLaunch(options: { stateDir?: string } = {}): Promise<SandboxLaunch> {
  const stateDir = options.stateDir ?? (await mkdtemp(path.join(tmpdir(), "customerio-mcp-sandbox-")));
  return {
    command: process.execPath,
    args: [fileURLToPath(new URL("./bin.js", import.meta.url))],
    env: { CUSTOMERIO_SANDBOX_STATE_DIR: stateDir },
    stateDir,
  };
}

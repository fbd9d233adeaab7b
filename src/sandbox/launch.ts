/**
 * How the server starts the sandbox in place of the Membrane CLI: the node binary, the compiled bin next
 * to this file, and the environment naming a state directory. Unless one is given, that is a fresh temp
 * folder, removed when the server exits (after the sandbox processes are killed, see membrane/shutdown.ts).
 */
import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { onExit } from "../membrane/shutdown.js";

interface SandboxLaunch {
  command: string;
  args: string[];
  env: Record<string, string>;
  stateDir: string;
  /** Removes the state directory now if this launch created it (it is removed at exit anyway). */
  dispose(): void;
}

export async function createSandboxLaunch(options: { stateDir?: string } = {}): Promise<SandboxLaunch> {
  let dispose = () => {};
  let stateDir = options.stateDir;
  if (stateDir === undefined) {
    const created = await mkdtemp(path.join(tmpdir(), "customerio-mcp-sandbox-"));
    const remove = () => rmSync(created, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 });
    const forget = onExit(remove);
    dispose = () => {
      forget();
      remove();
    };
    stateDir = created;
  }
  return {
    command: process.execPath,
    args: [fileURLToPath(new URL("./bin.js", import.meta.url))],
    env: { CUSTOMERIO_SANDBOX_STATE_DIR: stateDir },
    stateDir,
    dispose,
  };
}

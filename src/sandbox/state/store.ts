/**
 * Loads and saves the simulated workspace. Each sandbox run is its own process, so the state lives in a
 * JSON file: reads take the last complete file (writes go to a temp file and are renamed over it), writes
 * hold a lock so that concurrent processes never lose each other's changes.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { withLock } from "./lock.js";
import type { Workspace } from "./types.js";

const STATE_FILE = "workspace.json";
const LOCK_DIR = "workspace.lock";

/** The state directory: `CUSTOMERIO_SANDBOX_STATE_DIR`, else a fixed folder in the OS temp dir. */
export function stateDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env["CUSTOMERIO_SANDBOX_STATE_DIR"];
  return fromEnv && fromEnv.trim() !== "" ? fromEnv : path.join(tmpdir(), "customerio-mcp-sandbox");
}

async function readIfPresent(file: string): Promise<Workspace | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Workspace;
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw error;
  }
}

async function writeAtomically(file: string, workspace: Workspace): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temp, JSON.stringify(workspace));
  await rename(temp, file);
}

export class WorkspaceStore {
  private readonly file: string;
  private readonly lockDir: string;

  constructor(private readonly dir: string) {
    this.file = path.join(dir, STATE_FILE);
    this.lockDir = path.join(dir, LOCK_DIR);
  }

  /** The current workspace; the first call on an empty directory seeds it. */
  async read(): Promise<Workspace> {
    const existing = await readIfPresent(this.file);
    if (existing) return existing;
    return this.update(() => undefined).then(({ workspace }) => workspace);
  }

  /** Runs `change` on the latest workspace under the lock and saves it unless `change` throws. */
  async update<T>(change: (workspace: Workspace) => T): Promise<{ result: T; workspace: Workspace }> {
    await mkdir(this.dir, { recursive: true });
    return withLock(this.lockDir, async () => {
      // The seed data is imported only to seed an empty directory, which few of the many runs do.
      const workspace = (await readIfPresent(this.file)) ?? (await import("./seed.js")).seedWorkspace();
      const result = change(workspace);
      await writeAtomically(this.file, workspace);
      return { result, workspace };
    });
  }
}

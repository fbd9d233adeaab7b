/**
 * Loads and saves the simulated workspace in a folder, for sandboxes in several processes (each run of the
 * bin is one): the state lives in a JSON file; reads take the last complete file (writes go to a temp file
 * and are renamed over it), writes hold a lock so that concurrent processes never lose each other's
 * changes. A sandbox in one process keeps its workspace in memory instead (memory-store.ts).
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { withLock } from "./lock.js";
import { seedWorkspace } from "./seed.js";
import type { Workspace } from "./types.js";

const STATE_FILE = "workspace.json";
const LOCK_DIR = "workspace.lock";

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

/** Where a sandbox keeps its workspace: a folder (this file) or memory (memory-store.ts). */
export interface WorkspaceStore {
  /** The current workspace; the first read seeds it. */
  read(): Promise<Workspace>;
  /** Runs `change` on the latest workspace and keeps the result unless `change` throws. */
  update<T>(change: (workspace: Workspace) => T): Promise<{ result: T; workspace: Workspace }>;
}

export class FolderStore implements WorkspaceStore {
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
      const workspace = (await readIfPresent(this.file)) ?? seedWorkspace();
      const result = change(workspace);
      await writeAtomically(this.file, workspace);
      return { result, workspace };
    });
  }
}

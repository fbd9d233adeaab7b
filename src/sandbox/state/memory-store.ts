/**
 * The workspace of a sandbox that lives in one process (--sandbox, the tests): kept in memory, seeded on
 * first use. A change runs on a copy that replaces the workspace only when it succeeds, so a failed write
 * leaves nothing half done and concurrent writes lose nothing, as the folder store's lock and rename
 * guarantee across processes.
 */
import { seedWorkspace } from "./seed.js";
import type { WorkspaceStore } from "./store.js";
import type { Workspace } from "./types.js";

export class MemoryStore implements WorkspaceStore {
  private workspace: Workspace | undefined;

  async read(): Promise<Workspace> {
    this.workspace ??= seedWorkspace();
    return this.workspace;
  }

  async update<T>(change: (workspace: Workspace) => T): Promise<{ result: T; workspace: Workspace }> {
    await this.read();
    // Copied only now, with nothing awaited until the copy replaces the workspace: concurrent writes (each
    // call of this process) run one after the other on the latest workspace, and none is lost.
    const draft = structuredClone(this.workspace as Workspace);
    const result = change(draft);
    this.workspace = draft;
    return { result, workspace: draft };
  }
}

/**
 * The workspace of a sandbox that lives in one process (--sandbox, the tests): kept in memory, seeded on
 * first use. A change runs on a copy that replaces the workspace only when it succeeds, so a failed write
 * leaves nothing half done, as the folder store's lock and rename guarantee across processes.
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
    const draft = structuredClone(await this.read());
    const result = change(draft);
    this.workspace = draft;
    return { result, workspace: draft };
  }
}

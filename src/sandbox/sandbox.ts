/**
 * The sandbox as a library: one simulated Membrane over one simulated Customer.io workspace, configured by
 * one options object. Its faces are thin layers over it: the CLI (cli/face.ts, argv in, stdout out), used
 * in process by --sandbox and as a process by the bin; and the REST API (rest/face.ts: a fetch handler over
 * the same store, catalog and connections, whose tokens this sandbox signs). Nothing here reads the
 * environment: the bin does, once.
 */
import { buildCatalog } from "./catalog/catalog.js";
import type { ActionSpec } from "./catalog/types.js";
import type { AccountConnections } from "./connection.js";
import { newSecret, stateSecret } from "./rest/token.js";
import { MemoryStore } from "./state/memory-store.js";
import { FolderStore, type WorkspaceStore } from "./state/store.js";

export interface SandboxOptions {
  /**
   * A folder holding the workspace (workspace.json), shared by every process that names it, seeded on first
   * use. Without one the workspace lives in memory, for this sandbox only.
   */
  stateDir?: string | undefined;
  /** Every command waits this long before answering (a slow CLI). */
  latencyMs?: number | undefined;
  /** Generated, varied actions appended to the catalog (deterministic; for benchmarks), at most 10,000. */
  extraActions?: number | undefined;
  /** The Customer.io connections of the simulated account: one READY connection unless said otherwise. */
  connections?: AccountConnections | undefined;
}

export class Sandbox {
  readonly latencyMs: number;
  readonly connections: AccountConnections;
  private catalogCache: Promise<ActionSpec[]> | undefined;
  private storeCache: Promise<WorkspaceStore> | undefined;
  private secretCache: Buffer | undefined;

  constructor(readonly options: SandboxOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.connections = options.connections ?? "one";
  }

  /** The action catalog, built once, on first use. */
  catalog(): Promise<ActionSpec[]> {
    this.catalogCache ??= Promise.resolve().then(() => buildCatalog(this.options.extraActions ?? 0));
    return this.catalogCache;
  }

  /** The workspace: in its folder when the options name one, else in memory. */
  store(): Promise<WorkspaceStore> {
    const dir = this.options.stateDir;
    this.storeCache ??= Promise.resolve(dir === undefined ? new MemoryStore() : new FolderStore(dir));
    return this.storeCache;
  }

  /**
   * The secret that signs the REST face's tokens (rest/token.ts): kept in the state folder when the options
   * name one, so the bin's `token` and `serve` processes share it; else in memory, for this sandbox only.
   */
  tokenSecret(): Buffer {
    const dir = this.options.stateDir;
    this.secretCache ??= dir === undefined ? newSecret() : stateSecret(dir);
    return this.secretCache;
  }
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  return new Sandbox(options);
}

/**
 * The live catalog of the connection's actions. It starts from the on-disk cache (so tools/list answers at
 * once), refreshes from the CLI in the background, and tells listeners when the set of actions changed.
 * Discovery is shared: concurrent callers wait for the same run; a failure is kept for connection_status.
 */
import { createHash } from "node:crypto";
import type { SchemaProfile } from "../config.js";
import type { Logger } from "../log.js";
import type { MembraneBackend } from "../membrane/backend.js";
import type { ConnectionResolver } from "../membrane/connection.js";
import type { Action } from "../membrane/contract/records.js";
import type { CatalogCache } from "./cache.js";
import { buildEntries, type CatalogEntry, indexEntries } from "./entries.js";
import { nameMatcher } from "./selection.js";
import { assignToolNames } from "./tool-names.js";
import { isActionUsable } from "./usable.js";

export interface CatalogSnapshot {
  source: "none" | "cache" | "discovery";
  connectionId: string | undefined;
  entries: CatalogEntry[];
  /** Actions Membrane says cannot run (state not READY, deactivated, archived): see usable.ts. */
  notReady: Action[];
  /** Items the CLI listed that did not look like actions. */
  skipped: number;
  updatedAt: string | undefined;
  find: (reference: string) => CatalogEntry | undefined;
  signature: string;
  /** Action id -> tool name for every listed action (ready or not): remembered so that names stick. */
  names: ReadonlyMap<string, string>;
}

interface CatalogDependencies {
  membrane: MembraneBackend;
  connection: ConnectionResolver;
  cache: CatalogCache;
  profile: SchemaProfile;
  reservedNames: ReadonlySet<string>;
  /** Tool names or keys (globs) the person vouches for as reads: --read-only-allow. */
  readOnlyAllow?: readonly string[];
  log: Logger;
}

type Listener = () => void;
export type ProgressListener = (found: number, page: number) => void;

/** Retrying a failed discovery more often than this would only repeat the same error. */
const RETRY_AFTER_FAILURE_MS = 15_000;

export class Catalog {
  private snapshot: CatalogSnapshot;
  private running: Promise<void> | undefined;
  private loading: Promise<void> | undefined;
  private lastFailureAt = 0;
  private readonly listeners = new Set<Listener>();
  private readonly progressListeners = new Set<ProgressListener>();
  lastError: unknown;

  constructor(private readonly deps: CatalogDependencies) {
    this.snapshot = makeSnapshot("none", undefined, [], 0, undefined, deps);
  }

  current(): CatalogSnapshot {
    return this.snapshot;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onProgress(listener: ProgressListener): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** Loads the cache, then refreshes in the background. Never throws. */
  async start(): Promise<void> {
    this.loading = this.loadCache();
    await this.loading;
    void this.refresh();
  }

  private async loadCache(): Promise<void> {
    const cached = await this.deps.cache.read();
    if (cached && this.snapshot.source === "none") {
      const { connectionId, actions, savedAt, names } = cached;
      this.replace(makeSnapshot("cache", connectionId, actions, 0, savedAt, this.deps, undefined, names));
      this.deps.log.info(`Loaded ${cached.actions.length} actions from the cache`);
    }
  }

  /** Discovers the actions now (sharing a run already under way). Never throws: see `lastError`. */
  refresh(): Promise<void> {
    if (!this.running) {
      this.running = this.discover().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  /** Refreshes when the last discovery failed long enough ago, e.g. after a person fixed the login. */
  retryIfFailed(): void {
    if (this.lastError !== undefined && Date.now() - this.lastFailureAt > RETRY_AFTER_FAILURE_MS)
      void this.refresh();
  }

  /** Resolves once a catalog is there (cached or discovered), discovery failed, or `ms` passed. */
  async waitForFirst(ms: number): Promise<void> {
    // A request that arrives while the cache is being read waits for it (milliseconds), not for the CLI.
    if (this.loading) await this.loading;
    if (this.snapshot.source !== "none") return;
    const pending = this.running ?? this.refresh();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    await Promise.race([pending, timeout]);
    clearTimeout(timer);
  }

  /**
   * Waits, up to `ms`, until a discovery confirmed the catalog (its source is "discovery"): the one under
   * way, or a new one unless the last failed moments ago. Returns whether it is confirmed.
   */
  async waitForConfirmed(ms: number): Promise<boolean> {
    if (this.loading) await this.loading;
    if (this.snapshot.source === "discovery") return true;
    const mayRetry = this.lastError === undefined || Date.now() - this.lastFailureAt > RETRY_AFTER_FAILURE_MS;
    const pending = this.running ?? (mayRetry ? this.refresh() : undefined);
    if (pending) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      });
      await Promise.race([pending, timeout]);
      clearTimeout(timer);
    }
    return this.current().source === "discovery";
  }

  get isDiscovering(): boolean {
    return this.running !== undefined;
  }

  private async discover(): Promise<void> {
    const started = Date.now();
    try {
      const connection = await this.deps.connection.resolve();
      const listing = await this.deps.membrane.listAllActions(connection.id, {
        onPage: (found, page) => {
          for (const listener of this.progressListeners) listener(found, page);
        },
      });
      const next = makeSnapshot(
        "discovery",
        connection.id,
        listing.actions,
        listing.skipped,
        new Date().toISOString(),
        this.deps,
        this.snapshot,
      );
      this.lastError = undefined;
      this.deps.log.info(
        `Discovered ${listing.actions.length} actions in ${listing.pages} page(s), ${Date.now() - started} ms`,
      );
      this.replace(next);
      await this.deps.cache.write(connection.id, listing.actions, next.names);
    } catch (error) {
      this.lastError = error;
      this.lastFailureAt = Date.now();
      this.deps.log.warning(
        `Action discovery failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private replace(next: CatalogSnapshot): void {
    const changed = next.signature !== this.snapshot.signature;
    this.snapshot = next;
    if (changed) for (const listener of this.listeners) listener();
  }
}

function makeSnapshot(
  source: CatalogSnapshot["source"],
  connectionId: string | undefined,
  actions: readonly Action[],
  skipped: number,
  updatedAt: string | undefined,
  deps: Pick<CatalogDependencies, "profile" | "reservedNames" | "readOnlyAllow">,
  previous?: CatalogSnapshot,
  remembered: ReadonlyMap<string, string> = previous?.names ?? new Map(),
): CatalogSnapshot {
  const signature =
    actions.length === 0 && source === "none"
      ? ""
      : createHash("sha256")
          .update(JSON.stringify([...actions].sort((a, b) => (a.id < b.id ? -1 : 1))))
          .digest("hex");
  // A refresh that finds the cached catalog again keeps its converted entries: no second conversion.
  if (previous && previous.signature === signature)
    return { ...previous, source, connectionId, skipped, updatedAt };
  const usable = actions.filter(isActionUsable);
  const allowed = nameMatcher(deps.readOnlyAllow ?? []);
  // Named over every action, usable or not, with the names given before: a tool keeps its name.
  const names = assignToolNames(actions, deps.reservedNames, remembered);
  const entries = buildEntries(
    usable,
    deps.profile,
    deps.reservedNames,
    (toolName, key) => allowed(toolName) || (key !== undefined && key !== "" && allowed(key)),
    names,
  );
  const notReady = actions.filter((action) => !isActionUsable(action));
  return {
    source,
    connectionId,
    entries,
    notReady,
    skipped,
    updatedAt,
    find: indexEntries(entries),
    signature,
    names,
  };
}

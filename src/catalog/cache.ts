/**
 * The discovered catalog on disk, so a restart can list tools at once while a refresh runs. One file per
 * CLI and connection setting; written atomically; a missing, unreadable or corrupt file is simply ignored.
 * It also remembers the tool name each action was given, so that names stick when the catalog grows.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { type Action, ActionSchema } from "../membrane/contract/records.js";

const CACHE_FORMAT = 1;

const CacheFileSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  connectionId: z.string(),
  savedAt: z.string(),
  actions: z.array(ActionSchema),
  /** Tool names given so far, as [action id, tool name] pairs: a tool keeps its name across restarts. */
  names: z.array(z.tuple([z.string(), z.string()])).optional(),
});

interface CachedCatalog {
  connectionId: string;
  savedAt: string;
  actions: Action[];
  /** Action id -> the tool name it was given (empty for a cache written before names were kept). */
  names: Map<string, string>;
}

export class CatalogCache {
  readonly file: string | undefined;

  /** `scope` names what the catalog belongs to: the CLI and the configured connection (or "auto"). */
  constructor(directory: string | null, scope: string) {
    const digest = createHash("sha256").update(scope).digest("hex").slice(0, 16);
    this.file = directory ? join(directory, `catalog-${digest}.json`) : undefined;
  }

  async read(): Promise<CachedCatalog | undefined> {
    if (!this.file) return undefined;
    try {
      const parsed = CacheFileSchema.safeParse(JSON.parse(await readFile(this.file, "utf8")));
      if (!parsed.success) return undefined;
      const { names, ...rest } = parsed.data;
      return { ...rest, names: new Map(names ?? []) };
    } catch {
      return undefined;
    }
  }

  /** Best effort: a cache that cannot be written costs a slower next start, nothing more. */
  async write(
    connectionId: string,
    actions: readonly Action[],
    names: ReadonlyMap<string, string> = new Map(),
  ): Promise<boolean> {
    if (!this.file) return false;
    const body: z.input<typeof CacheFileSchema> = {
      format: CACHE_FORMAT,
      connectionId,
      savedAt: new Date().toISOString(),
      actions: [...actions],
      names: [...names],
    };
    try {
      await mkdir(join(this.file, ".."), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(body), { mode: 0o600 });
      await rename(temporary, this.file);
      return true;
    } catch {
      return false;
    }
  }
}

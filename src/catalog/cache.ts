/**
 * The discovered catalog on disk, so a restart can list tools at once while a refresh runs. One file per
 * CLI and connection setting; written atomically; a missing, unreadable or corrupt file is simply ignored.
 * It also remembers the tool name each action was given, so that names stick when the catalog grows.
 *
 * The cache never decides what an action does on its own (issue #18): a file is read only when it is a
 * regular file of this user that no one else may read or write, and its HMAC-SHA256 matches under a key
 * kept beside it (`catalog.key`, owner-only, made on first write). Anything else is ignored, as a corrupt
 * file is. Even a genuine cache is only a first listing: calls wait for discovery to confirm the record
 * they run (catalog.ts, tools/confirmed-entry.ts). Where the platform has no owners (Windows), only the
 * HMAC is checked.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { lstat, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { type Action, ActionSchema } from "../membrane/contract/records.js";

const CACHE_FORMAT = 2;
const KEY_FILE = "catalog.key";

const EnvelopeSchema = z.object({ format: z.literal(CACHE_FORMAT), hmac: z.string(), body: z.string() });

const CacheBodySchema = z.object({
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

/** A regular file of this user that nobody else may read or write (no owners to check on Windows). */
async function isOwnerOnly(file: string): Promise<boolean> {
  const stats = await lstat(file);
  if (!stats.isFile()) return false;
  if (typeof process.getuid !== "function") return true;
  return stats.uid === process.getuid() && (stats.mode & 0o077) === 0;
}

function sign(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(body).digest("hex");
}

export class CatalogCache {
  readonly file: string | undefined;
  private readonly keyFile: string | undefined;

  /** `scope` names what the catalog belongs to: the CLI and the configured connection (or "auto"). */
  constructor(directory: string | null, scope: string) {
    const digest = createHash("sha256").update(scope).digest("hex").slice(0, 16);
    this.file = directory ? join(directory, `catalog-${digest}.json`) : undefined;
    this.keyFile = directory ? join(directory, KEY_FILE) : undefined;
  }

  /** The key, when its file passes the owner checks; with `create`, a new one when there is none. */
  private async key(create: boolean): Promise<Buffer | undefined> {
    if (!this.keyFile) return undefined;
    try {
      if (await isOwnerOnly(this.keyFile)) {
        const key = Buffer.from((await readFile(this.keyFile, "utf8")).trim(), "hex");
        return key.length === 32 ? key : undefined;
      }
      return undefined;
    } catch (error) {
      if (!create || (error as NodeJS.ErrnoException).code !== "ENOENT") return undefined;
      const key = randomBytes(32);
      // `wx`: never replace a key another process just made (its files would all stop verifying).
      await writeFile(this.keyFile, key.toString("hex"), { mode: 0o600, flag: "wx" }).catch(() => {});
      return this.key(false);
    }
  }

  async read(): Promise<CachedCatalog | undefined> {
    if (!this.file) return undefined;
    try {
      if (!(await isOwnerOnly(this.file))) return undefined;
      const key = await this.key(false);
      if (!key) return undefined;
      const envelope = EnvelopeSchema.safeParse(JSON.parse(await readFile(this.file, "utf8")));
      if (!envelope.success) return undefined;
      const expected = Buffer.from(sign(key, envelope.data.body), "hex");
      const given = Buffer.from(envelope.data.hmac, "hex");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      const parsed = CacheBodySchema.safeParse(JSON.parse(envelope.data.body));
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
    const body: z.input<typeof CacheBodySchema> = {
      connectionId,
      savedAt: new Date().toISOString(),
      actions: [...actions],
      names: [...names],
    };
    try {
      await mkdir(join(this.file, ".."), { recursive: true, mode: 0o700 });
      const key = await this.key(true);
      if (!key) return false;
      const text = JSON.stringify(body);
      const temporary = `${this.file}.${process.pid}.tmp`;
      await writeFile(
        temporary,
        JSON.stringify({ format: CACHE_FORMAT, hmac: sign(key, text), body: text }),
        {
          mode: 0o600,
        },
      );
      await rename(temporary, this.file);
      return true;
    } catch {
      return false;
    }
  }
}

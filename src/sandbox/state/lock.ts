/**
 * A cross-process lock for the state file. `mkdir` is atomic on every file system Node runs on, so the
 * process that creates the lock directory owns it; the others retry. A lock left behind by a crashed
 * process is taken over once it is older than the stale timeout.
 */
import { mkdir, rm, stat } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

const STALE_AFTER_MS = 10_000;
const GIVE_UP_AFTER_MS = 30_000;

function isCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}

async function removeIfStale(lockDir: string): Promise<void> {
  try {
    const info = await stat(lockDir);
    if (Date.now() - info.mtimeMs > STALE_AFTER_MS) await rm(lockDir, { recursive: true, force: true });
  } catch (error) {
    if (!isCode(error, "ENOENT")) throw error;
  }
}

/** Runs `work` while holding the lock directory `lockDir`. */
export async function withLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  const startedAt = Date.now();
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if (!isCode(error, "EEXIST")) throw error;
      if (Date.now() - startedAt > GIVE_UP_AFTER_MS) {
        throw new Error(`sandbox state is locked by another process (${lockDir})`);
      }
      await removeIfStale(lockDir);
      await sleep(5 + Math.floor(Math.random() * 20));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

/**
 * The bounded wait for the first discovery, in one place. A tools/list before any catalog waits for it (so
 * the first list has the direct tools), and a lookup that misses while the catalog is still empty (a tool
 * by name in tools/call, an action by reference in run_action) waits for it and looks again, instead of
 * answering "unknown" a moment too early.
 */
import type { Catalog, ProgressListener } from "../catalog/catalog.js";

/** How long a call that needs the catalog waits for the first discovery. */
const DISCOVERY_WAIT_MS = 10_000;

/** Waits (bounded) until the catalog holds something; `onProgress` hears each discovered page meanwhile. */
export async function waitForFirstDiscovery(
  catalog: Catalog,
  onProgress?: ProgressListener,
  maxMs = DISCOVERY_WAIT_MS,
): Promise<void> {
  const stop = onProgress ? catalog.onProgress(onProgress) : undefined;
  try {
    await catalog.waitForFirst(Math.min(DISCOVERY_WAIT_MS, maxMs));
  } finally {
    stop?.();
  }
}

/** `find()`, and when it misses before any catalog is there, `find()` again after the first discovery. */
export async function findAfterFirstDiscovery<T>(
  catalog: Catalog,
  find: () => T | undefined,
  /** The call's time left (tools/deadline.ts): the wait never outlasts it. */
  maxMs = DISCOVERY_WAIT_MS,
): Promise<T | undefined> {
  const found = find();
  if (found !== undefined || catalog.current().source !== "none") return found;
  await waitForFirstDiscovery(catalog, undefined, maxMs);
  return find();
}

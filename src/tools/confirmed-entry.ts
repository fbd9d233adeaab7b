/**
 * A record from the on-disk cache never decides on its own what a call does (issue #18): the cache may be
 * stale (an action changed upstream) or edited. Before an action runs, discovery must have confirmed the
 * catalog; a call that finds only the cached one waits for discovery within its deadline, then runs the
 * record discovery found (its effects, its schema), or is refused with what to do.
 */
import type { CatalogEntry } from "../catalog/entries.js";
import { UserInputError } from "../errors.js";
import { remainingMs } from "./deadline.js";
import type { ToolContext } from "./tool-definition.js";

export async function confirmedEntry(ctx: ToolContext, entry: CatalogEntry): Promise<CatalogEntry> {
  const { catalog } = ctx.services;
  if (catalog.current().source !== "discovery") {
    ctx.progress("Waiting for Membrane to confirm the cached catalog");
    await catalog.waitForConfirmed(remainingMs(ctx));
  }
  if (catalog.current().source !== "discovery") {
    const failure =
      catalog.lastError instanceof Error ? ` (the last discovery failed: ${catalog.lastError.message})` : "";
    throw new UserInputError(
      `Not run: "${entry.title}" (${entry.action.id}) comes from the catalog cached on disk, which Membrane has not confirmed yet${failure}; what an action does is taken only from a confirmed record.`,
      "Try again in a few seconds; connection_status says whether discovery works.",
    );
  }
  const fresh = catalog.current().find(entry.action.id);
  if (!fresh) {
    throw new UserInputError(
      `Not run: "${entry.title}" (${entry.action.id}) was in the cached catalog but Membrane no longer lists it.`,
      "Find the right action with search_actions and run it by the id it gives.",
    );
  }
  return fresh;
}

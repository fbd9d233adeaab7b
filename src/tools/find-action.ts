/**
 * Looks an action up by id, key or tool name for run_action, waiting (bounded) for the first discovery when
 * the catalog is still empty, and explaining a miss: discovery failed, the action is not ready, or there is
 * no such action and search_actions is the way to find one.
 */
import type { CatalogEntry } from "../catalog/entries.js";
import { UserInputError } from "../errors.js";
import { DISCOVERY_WAIT_MS, type Services } from "./services.js";

export async function findActionEntry(services: Services, reference: string): Promise<CatalogEntry> {
  const { catalog } = services;
  let entry = catalog.current().find(reference);
  if (!entry && catalog.current().source === "none") {
    await catalog.waitForFirst(DISCOVERY_WAIT_MS);
    entry = catalog.current().find(reference);
  }
  if (entry) return entry;
  const snapshot = catalog.current();
  if (snapshot.source === "none" && catalog.lastError !== undefined) {
    catalog.retryIfFailed();
    throw catalog.lastError;
  }
  if (snapshot.source === "none") {
    throw new UserInputError(
      "The Customer.io actions are still being discovered.",
      "Try again in a few seconds, or call connection_status to see what is going on.",
    );
  }
  const waiting = snapshot.notReady.find((action) => action.id === reference || action.key === reference);
  if (waiting) {
    throw new UserInputError(
      `The action "${waiting.name || waiting.id}" is not ready in Membrane (state ${waiting.state}).`,
      "Use another action (search_actions), or fix it in Membrane's console.",
    );
  }
  throw new UserInputError(
    `There is no action "${reference}" in the Customer.io catalog (${snapshot.entries.length} actions).`,
    "Find the right one with search_actions and pass its id, key or tool name.",
  );
}

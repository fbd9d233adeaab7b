/**
 * Looks an action up by id, key or tool name for run_action, waiting (bounded) for the first discovery when
 * the catalog is still empty, and explaining a miss: discovery failed, the action is not ready, or there is
 * no such action and search_actions is the way to find one. Then says whether this server may run it:
 * http-request and run-javascript actions only when named in --tools, and in read-only mode only reads
 * (and operations of unknown effect, which then ask the person: tools/confirm.ts).
 */

import { asksInReadOnly, offeredInReadOnly } from "../catalog/effects.js";
import type { CatalogEntry } from "../catalog/entries.js";
import { isNamedInTools } from "../catalog/selection.js";
import { unusableReason } from "../catalog/usable.js";
import { UserInputError } from "../errors.js";
import { findAfterFirstDiscovery } from "./first-discovery.js";
import type { Services } from "./services.js";

export async function findActionEntry(
  services: Services,
  reference: string,
  maxWaitMs?: number,
): Promise<CatalogEntry> {
  const { catalog } = services;
  const entry = await findAfterFirstDiscovery(catalog, () => catalog.current().find(reference), maxWaitMs);
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
      `The action "${waiting.name || waiting.id}" cannot run: it is ${unusableReason(waiting) ?? "not ready"} in Membrane.`,
      "Use another action (search_actions), or fix it in Membrane's console.",
    );
  }
  throw new UserInputError(
    `There is no action "${reference}" in the Customer.io catalog (${snapshot.entries.length} actions).`,
    "Find the right one with search_actions and pass its id, key or tool name.",
  );
}

/** Refuses what this server does not run: arbitrary requests or code not named in --tools, writes when read-only. */
export function refuseUnoffered(entry: CatalogEntry, services: Services): void {
  const { config } = services;
  const label = `"${entry.title}" (${entry.action.id}, ${entry.action.type})`;
  if (entry.effects.arbitrary && !isNamedInTools(entry, config.tools)) {
    throw new UserInputError(
      `Refused: ${label} runs ${entry.action.type === "run-javascript" ? "custom code" : "an arbitrary HTTP request to any endpoint"}, which this server runs only when the person names it.`,
      `Use another action (search_actions) or proxy_request; or ask the person to add "${entry.toolName}" to --tools / CUSTOMERIO_MCP_TOOLS and restart the server.`,
    );
  }
  // An operation of unknown effect goes on: the person decides (tools/confirm.ts, approveUnknownEffect).
  if (config.readOnly && !offeredInReadOnly(entry.effects) && !asksInReadOnly(entry.effects)) {
    throw new UserInputError(
      `Refused: ${label} changes data (${entry.effects.highBlast ? "it sends messages or deletes data" : "Membrane says it writes"}), and this server runs in read-only mode.`,
      "Use a read-only action instead (search_actions shows readOnly), or ask the person to restart the server without --read-only if the change is intended.",
    );
  }
}

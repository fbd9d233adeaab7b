/**
 * Whether Membrane says an action can be run at all: its `state` is READY (or not given, as older CLIs
 * print no state), it is not deactivated and not archived. Unusable actions are kept out of the tools and
 * run_action, and connection_status / doctor say which and why.
 */
import type { Action } from "../membrane/contract/records.js";

/** Why the action cannot run, or undefined when it can. */
export function unusableReason(action: Action): string | undefined {
  if (action["isDeactivated"] === true) return "deactivated";
  const archivedAt = action["archivedAt"];
  if (archivedAt !== undefined && archivedAt !== null && archivedAt !== false) return "archived";
  if (action.state !== undefined && action.state.toUpperCase() !== "READY")
    return `not ready (state ${action.state})`;
  return undefined;
}

export const isActionUsable = (action: Action): boolean => unusableReason(action) === undefined;

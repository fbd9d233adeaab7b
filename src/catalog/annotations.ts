/**
 * The MCP annotations a client shows for an action tool, from the action's effects (catalog/effects.ts):
 * read-only only for what is known to be a read, destructive for deletes and for anything whose effect
 * Membrane does not state.
 */
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { Action } from "../membrane/contract/records.js";
import type { ActionEffects } from "./effects.js";

export { type ActionEffects, actionEffects } from "./effects.js";

export function actionAnnotations(action: Action, effects: ActionEffects): ToolAnnotations {
  return {
    title: action.name || action.key || action.id,
    readOnlyHint: effects.readOnly,
    destructiveHint: effects.destructive,
    idempotentHint: effects.readOnly,
    openWorldHint: true,
  };
}

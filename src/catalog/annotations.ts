/**
 * What an action may do, read from its Membrane `type` and `isReadOnly`: the MCP annotations a client shows
 * (and read-only mode enforces), and whether it is one of Customer.io's high-blast operations that send real
 * messages or lose data, whose descriptions tell the agent to preview and confirm first.
 */
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { Action } from "../membrane/contract/records.js";

const READ_TYPES = new Set([
  "list-data-records",
  "find-data-record-by-id",
  "match-data-record",
  "search-data-record",
]);
const WRITE_TYPES = new Set(["create-data-record", "find-or-create-data-record", "update-data-record"]);
const SENDS_OR_DELETES =
  /broadcast|newsletter|transactional|\bsend|send[-_ ]|trigger|delete|remove|suppress|destroy|erase|unsubscribe/i;

export interface ActionEffects {
  readOnly: boolean;
  destructive: boolean;
  /** Sends real messages or deletes data: preview with dry_run and confirm with the person first. */
  highBlast: boolean;
}

export function actionEffects(action: Action): ActionEffects {
  const type = action.type ?? "";
  const readOnly = action.isReadOnly === true || READ_TYPES.has(type);
  if (readOnly) return { readOnly: true, destructive: false, highBlast: false };
  const destructive = type === "delete-data-record" || !WRITE_TYPES.has(type);
  const words = `${action.key ?? ""} ${action.name}`;
  const highBlast = type === "delete-data-record" || SENDS_OR_DELETES.test(words);
  return { readOnly: false, destructive, highBlast };
}

export function actionAnnotations(action: Action, effects: ActionEffects): ToolAnnotations {
  return {
    title: action.name || action.key || action.id,
    readOnlyHint: effects.readOnly,
    destructiveHint: effects.destructive,
    idempotentHint: effects.readOnly,
    openWorldHint: true,
  };
}

/**
 * A direct MCP tool for one catalog action: its converted schema advertised as is, validated by the same
 * compiled validator, and run through executeAction like run_action does. It refuses what run_action
 * refuses (refuseUnoffered): such a tool is not offered, but a client may still call one it listed before
 * (another mode, a stale list), and that call must not run.
 */
import type { CatalogEntry } from "../catalog/entries.js";
import type { Config } from "../config.js";
import { confirmedEntry } from "./confirmed-entry.js";
import { executeAction, prepareActionInput } from "./execute-action.js";
import { refuseUnoffered } from "./find-action.js";
import type { ToolDefinition } from "./tool-definition.js";

/** `typed`: the tool declares the action's output schema (the registry decides, within the list's budget). */
export function makeActionTool(
  entry: CatalogEntry,
  config: Pick<Config, "readOnly">,
  typed = false,
): ToolDefinition {
  const normalized = entry.normalized;
  if (!normalized)
    throw new Error(`Action ${entry.action.id} has no converted schema and cannot be a direct tool`);
  const output =
    typed && entry.output ? { outputSchema: entry.output.schema, acceptsOutput: entry.output.accepts } : {};
  return {
    name: entry.toolName,
    title: entry.title,
    description: entry.description,
    inputSchema: normalized.schema,
    ...output,
    // In read-only mode a generic API request is limited to GET by the request guard: it only reads.
    annotations:
      config.readOnly && entry.effects.getOnlyInReadOnly
        ? { ...entry.annotations, readOnlyHint: true, destructiveHint: false, idempotentHint: true }
        : entry.annotations,
    validate(args) {
      return prepareActionInput(entry, (args ?? {}) as Record<string, unknown>);
    },
    async run(args, ctx) {
      // Built from the catalog of the moment, maybe the cache's: what runs is the record discovery confirmed.
      const confirmed = await confirmedEntry(ctx, entry);
      refuseUnoffered(confirmed, ctx.services);
      return executeAction(confirmed, confirmed === entry ? args : prepareActionInput(confirmed, args), ctx);
    },
  };
}

/**
 * search_actions: finds actions by what the agent wants to do, with Membrane's semantic search
 * (`action list --intent`), falling back to a local ranking of the catalog when that search fails. Each
 * match carries what is needed to run it: id, key, name, description, converted input schema, and the
 * direct tool's name when there is one.
 */
import { z } from "zod";
import type { CatalogEntry } from "../catalog/entries.js";
import { rankEntries } from "../catalog/local-search.js";
import { CliError } from "../errors.js";
import type { Action } from "../membrane/contract/records.js";
import { normalizeSchema } from "../schema/normalize.js";
import { defineGenericTool } from "./define-tool.js";
import type { Services } from "./services.js";
import type { ToolDefinition } from "./tool-definition.js";

const SearchActionsInput = z.object({
  query: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .describe('What you want to do, in plain words, e.g. "add a person to a segment".'),
  limit: z.number().int().min(1).max(50).default(10).describe("How many matches to return (1 to 50)."),
});

export function createSearchActionsTool(
  services: Services,
  isDirectTool: (name: string) => boolean,
): ToolDefinition {
  const describe = (action: Action, entry: CatalogEntry | undefined) => {
    let inputSchema: unknown = entry?.normalized?.schema;
    if (!entry) {
      try {
        inputSchema = normalizeSchema(action.inputSchema, services.config.schemaProfile).schema;
      } catch {
        inputSchema = undefined;
      }
    }
    const readOnly = entry?.effects.readOnly ?? action.isReadOnly === true;
    return {
      id: action.id,
      key: action.key ?? null,
      name: action.name,
      description: entry?.description ?? action.description ?? "",
      type: action.type ?? null,
      readOnly,
      toolName: entry && isDirectTool(entry.toolName) ? entry.toolName : null,
      ...(services.config.readOnly && !readOnly ? { runnable: false } : {}),
      inputSchema: inputSchema ?? { type: "object", properties: {} },
    };
  };

  return defineGenericTool(
    {
      name: "search_actions",
      title: "Search Customer.io actions",
      description:
        "Find Customer.io actions by intent (semantic search over every action of the connection, not only the direct tools). Returns up to `limit` matches, best first, each with id, key, name, description, readOnly, inputSchema, and toolName when it is also a direct tool. Run a match with its direct tool, or with run_action {action: id, input}.",
      input: SearchActionsInput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
      async run({ query, limit }, ctx) {
        const snapshot = services.catalog.current();
        let actions: Action[];
        let note: string | undefined;
        try {
          const connection = await services.connection.resolve({ signal: ctx.signal });
          actions = await services.client.searchActions(connection.id, query, limit, { signal: ctx.signal });
        } catch (error) {
          const recoverable =
            error instanceof CliError &&
            (error.kind === "exit" || error.kind === "bad-output" || error.kind === "timeout");
          if (!recoverable || snapshot.entries.length === 0) throw error;
          actions = rankEntries(snapshot.entries, query, limit).map((entry) => entry.action);
          note = `Membrane's semantic search failed (${error.message.slice(0, 200)}); these matches come from a word search of the cached catalog.`;
        }
        const matches = actions.map((action) => describe(action, snapshot.find(action.id)));
        const output = { query, count: matches.length, matches };
        if (matches.length === 0)
          note =
            note ??
            "No action matched. Try other words, or use proxy_request for a raw Customer.io API call.";
        return note ? { data: output, note } : { data: output };
      },
    },
    services.config.schemaProfile,
  );
}

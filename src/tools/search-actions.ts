/**
 * search_actions: finds actions by what the agent wants to do, with Membrane's semantic search
 * (`action list --intent`), falling back to a local ranking of the catalog when that search fails. Each
 * match carries what is needed to run it: id, key, name, description, converted input schema, and the
 * direct tool's name when there is one (see search-matches.ts).
 */
import { z } from "zod";
import { rankEntries } from "../catalog/local-search.js";
import { CliError } from "../errors.js";
import type { Action } from "../membrane/contract/records.js";
import { beforeDeadline, callDeadline } from "./deadline.js";
import type { GenericToolSpec } from "./define-tool.js";
import { waitForFirstDiscovery } from "./first-discovery.js";
import { describeMatch, fitMatches, SchemaMemo } from "./search-matches.js";
import type { Services } from "./services.js";

const SearchActionsInput = z.object({
  query: z
    .string()
    .trim()
    .min(1)
    .max(500)
    // A NUL cannot travel as a command-line argument: refused here with what to do, not an internal error.
    .regex(/^[^\u0000]*$/, "must not contain a NUL character (U+0000): remove it and search again")
    .describe('What you want to do, in plain words, e.g. "add a person to a segment".'),
  limit: z.number().int().min(1).max(50).default(10).describe("How many matches to return (1 to 50)."),
});

/** Converted schemas are kept per server (its profile), for as long as its services live. */
const memos = new WeakMap<Services, SchemaMemo>();
function memoFor(services: Services): SchemaMemo {
  const memo = memos.get(services) ?? new SchemaMemo(services);
  memos.set(services, memo);
  return memo;
}

export const searchActionsTool: GenericToolSpec<typeof SearchActionsInput> = {
  name: "search_actions",
  title: "Search Customer.io actions",
  description:
    "Find Customer.io actions by intent (semantic search over every action of the connection, not only the direct tools). Returns up to `limit` matches, best first, each with id, key, name, description (with its caution, as the direct tool has it), readOnly (known to only read data), annotations, inputSchema, toolName when it is also a direct tool, and runnable: false with the reason when this server will not run it. Run a match with its direct tool, or with run_action {action: id, input}.",
  input: SearchActionsInput,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run({ query, limit }, ctx) {
    const { services, listing } = ctx;
    // Membrane's search runs meanwhile; the catalog (for direct tool names, vouched reads) is awaited as
    // tools/list awaits it, so a search before the first tools/list says what tools/list will say.
    const discovered = waitForFirstDiscovery(services.catalog);
    let actions: Action[];
    let note: string | undefined;
    try {
      const deadline = callDeadline(ctx);
      const connection = await beforeDeadline(
        ctx,
        services.connection.resolve({ signal: ctx.signal, deadline }),
        "finding the Customer.io connection",
      );
      actions = await services.membrane.searchActions(connection.id, query, limit, {
        signal: ctx.signal,
        deadline,
      });
    } catch (error) {
      const recoverable =
        error instanceof CliError &&
        (error.kind === "exit" || error.kind === "bad-output" || error.kind === "timeout");
      await discovered;
      const entries = services.catalog.current().entries;
      if (!recoverable || entries.length === 0) throw error;
      actions = rankEntries(entries, query, limit).map((entry) => entry.action);
      note = `Membrane's semantic search failed (${error.message.slice(0, 200)}); these matches come from a word search of the cached catalog.`;
    }
    await discovered;
    const snapshot = services.catalog.current();
    const memo = memoFor(services);
    const matches = actions.map((action) =>
      describeMatch(services, memo, action, snapshot.find(action.id), listing),
    );
    const output = { query, count: matches.length, matches };
    const notes = note ? [note] : [];
    if (matches.length === 0)
      notes.push("No action matched. Try other words, or use proxy_request for a raw Customer.io API call.");
    if (fitMatches(output, services.config.maxOutput))
      notes.push(
        "Some matches were shortened to fit (inputSchemaShortened: true: only the top-level properties, or none, are shown). run_action still checks the full schema and names each bad argument; search with a narrower query or a smaller limit to see more.",
      );
    return notes.length > 0 ? { data: output, note: notes.join(" ") } : { data: output };
  },
};

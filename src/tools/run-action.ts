/**
 * run_action: runs any action of the catalog by id, key or tool name, including those that are not direct
 * tools, validated against the action's converted schema exactly like its direct tool would be. It runs
 * only what the direct tools could: no http-request / run-javascript unless named in --tools, and only
 * reads in read-only mode (refuseUnoffered).
 */
import { z } from "zod";
import { isPlainObject } from "../schema/keywords.js";
import { confirmedEntry } from "./confirmed-entry.js";
import { remainingMs } from "./deadline.js";
import type { GenericToolSpec } from "./define-tool.js";
import { executeAction, prepareRunActionInput } from "./execute-action.js";
import { findActionEntry, refuseUnoffered } from "./find-action.js";

const RunActionInput = z.object({
  action: z
    .string()
    .min(1)
    .describe("The action's id, key or tool name, as search_actions or tools/list give it."),
  input: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      "The action's input, matching the inputSchema search_actions showed. Omit for actions without input.",
    ),
  dry_run: z
    .boolean()
    .optional()
    .describe(
      "Validate and show exactly what would be sent, without running it. Use it before anything that sends messages or deletes data.",
    ),
  fields: z
    .array(z.string().min(1))
    .max(50)
    .optional()
    .describe(
      'Keep only these parts of the output, as dot paths with * for every item, e.g. ["customers.*.email", "next"].',
    ),
});

export const runActionTool: GenericToolSpec<typeof RunActionInput> = {
  name: "run_action",
  title: "Run a Customer.io action",
  description: ({ readOnly }) =>
    [
      "Run any Customer.io action by its id, key or tool name: use it for actions found with search_actions that are not direct tools.",
      "The input is validated against the action's input schema before anything runs. Returns the action's output and its actionRunId.",
      "For actions that send messages or delete data, call it first with dry_run: true and confirm with the person.",
      readOnly
        ? "This server is read-only: only actions known to read data run (readOnly: true in search_actions)."
        : "",
    ]
      .filter(Boolean)
      .join(" "),
  input: RunActionInput,
  annotations: ({ readOnly }) => ({
    readOnlyHint: readOnly,
    destructiveHint: !readOnly,
    openWorldHint: true,
  }),
  async run(args, ctx, raw) {
    const { services } = ctx;
    // The record that decides what runs is one discovery confirmed, never the cache's alone.
    const entry = await confirmedEntry(ctx, await findActionEntry(services, args.action, remainingMs(ctx)));
    refuseUnoffered(entry, services);
    // The input as sent: zod's record would drop an own `__proto__` key, which Membrane must receive.
    const input = isPlainObject(raw.input) ? raw.input : (args.input ?? {});
    const actionInput = prepareRunActionInput(entry, input, services.config.schemaProfile);
    return executeAction(entry, actionInput, ctx, { dryRun: args.dry_run ?? false, fields: args.fields });
  },
};

/**
 * Running one catalog action, shared by the direct action tools and run_action: refuses writes in
 * read-only mode, puts Membrane's generic request actions through the proxy guard, validates against the same converted schema that is advertised (prepareActionInput,
 * called by each tool's validation step), optionally stops at a dry run, and otherwise runs it through the
 * CLI with progress, bounded retries and field selection.
 */
import type { CatalogEntry } from "../catalog/entries.js";
import type { SchemaProfile } from "../config.js";
import { UserInputError } from "../errors.js";
import { withRetries } from "../membrane/retry.js";
import {
  guardRequestActionInput,
  isRequestActionType,
  schemaTakesMethod,
} from "../safety/request-action-guard.js";
import { type NormalizedSchema, normalizeSchema } from "../schema/normalize.js";
import { compileValidator } from "../schema/validate.js";
import { invalidArguments } from "./define-tool.js";
import type { Services } from "./services.js";
import type { ToolContext, ToolOutput } from "./tool-definition.js";

export function refuseInReadOnly(entry: CatalogEntry, services: Services): void {
  if (services.config.readOnly && !entry.effects.readOnly) {
    throw new UserInputError(
      `Refused: "${entry.title}" (${entry.action.id}) can change data, and this server runs in read-only mode.`,
      "Use a read-only action instead, or ask the person to restart the server without --read-only / CUSTOMERIO_MCP_READ_ONLY.",
    );
  }
}

/** Checks `input` against the action's converted schema and returns what the action receives. */
export function prepareActionInput(
  entry: CatalogEntry,
  input: Record<string, unknown>,
): Record<string, unknown> {
  if (!entry.normalized) return input; // Not convertible: Membrane validates it itself.
  const result = compileValidator(entry.normalized.validationSchema)(input);
  if (!result.ok) throw invalidArguments(entry.toolName, result.problems);
  return entry.normalized.toActionInput(input);
}

export interface ExecuteOptions {
  dryRun?: boolean;
  fields?: readonly string[] | undefined;
}

const canonicalSchemas = new WeakMap<CatalogEntry, NormalizedSchema | null>();

/** The action's schema converted without a client profile: the most faithful check of an input. */
function canonicalSchema(entry: CatalogEntry): NormalizedSchema | null {
  let canonical = canonicalSchemas.get(entry);
  if (canonical === undefined) {
    try {
      canonical = normalizeSchema(entry.action.inputSchema, "default");
    } catch {
      canonical = null;
    }
    canonicalSchemas.set(entry, canonical);
  }
  return canonical;
}

/**
 * run_action's input is free-form, so an agent may write it in the profile's style (strict mode: nulls for
 * what it leaves out; Gemini: JSON text for objects) or plainly: the profile's decoding is applied first,
 * then the input is checked against the faithful default-profile schema.
 */
export function prepareRunActionInput(
  entry: CatalogEntry,
  input: Record<string, unknown>,
  profile: SchemaProfile,
): Record<string, unknown> {
  if (profile === "default" || !entry.normalized) return prepareActionInput(entry, input);
  const decoded = entry.normalized.toActionInput(input);
  const canonical = canonicalSchema(entry);
  if (!canonical) return decoded;
  const result = compileValidator(canonical.validationSchema)(decoded);
  if (!result.ok) throw invalidArguments(entry.toolName, result.problems);
  return decoded;
}

/** Runs the action with `actionInput`, which prepareActionInput already checked. */
export async function executeAction(
  services: Services,
  entry: CatalogEntry,
  actionInput: Record<string, unknown>,
  ctx: ToolContext,
  options: ExecuteOptions = {},
): Promise<ToolOutput> {
  refuseInReadOnly(entry, services);
  // A generic request action reaches any URL with the connection's credentials: proxy_request's rules apply.
  if (isRequestActionType(entry.action.type)) {
    actionInput = guardRequestActionInput(actionInput, {
      readOnly: services.config.readOnly,
      takesMethod: schemaTakesMethod(entry.action.inputSchema),
    });
  }
  if (options.dryRun) {
    return {
      data: {
        dryRun: true,
        action: { id: entry.action.id, key: entry.action.key, name: entry.title },
        input: actionInput,
      },
      note: "Dry run: nothing was sent. Call again without dry_run to run it.",
    };
  }
  const connection = await services.connection.resolve({ signal: ctx.signal });
  ctx.progress(`Running ${entry.title}`);
  const run = await withRetries(
    ({ deadline }) =>
      services.client.runAction(connection.id, entry.action.id, actionInput, {
        signal: ctx.signal,
        deadline,
        onTick: (seconds) => ctx.progress(`${entry.title}: still running after ${seconds} s`),
      }),
    {
      idempotent: entry.effects.readOnly,
      deadlineMs: services.config.timeoutSeconds * 1000,
      signal: ctx.signal,
      log: services.log,
    },
  );
  return { data: run.output ?? null, meta: { actionRunId: run.actionRunId }, fields: options.fields };
}

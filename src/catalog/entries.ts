/**
 * Turns discovered actions into catalog entries: a stable tool name, a converted schema (or the reason it
 * could not be converted), annotations and a description. Entries are what both the direct tools and the
 * generic tools (search_actions, run_action) work from, so every action is reachable one way or the other.
 */
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { SchemaProfile } from "../config.js";
import type { Action } from "../membrane/contract/records.js";
import { type NormalizedSchema, normalizeSchema } from "../schema/normalize.js";
import { type ActionEffects, actionAnnotations, actionEffects } from "./annotations.js";
import { describeAction } from "./describe.js";
import { type OutputContract, outputContract } from "./output-contract.js";
import { assignToolNames } from "./tool-names.js";

export interface CatalogEntry {
  action: Action;
  toolName: string;
  title: string;
  description: string;
  annotations: ToolAnnotations;
  effects: ActionEffects;
  /** Absent when the schema could not be made valid: then `conversionError` says why. */
  normalized?: NormalizedSchema;
  conversionError?: string;
  /** Present when the action declares an output schema that converts: its direct tool is typed. */
  output?: OutputContract;
}

export function buildEntries(
  actions: readonly Action[],
  profile: SchemaProfile,
  reservedNames: ReadonlySet<string>,
  /** The person vouches for these (tool name or key) as reads: --read-only-allow. */
  vouchedRead: (toolName: string, key: string | undefined) => boolean = () => false,
  names: ReadonlyMap<string, string> = assignToolNames(actions, reservedNames),
): CatalogEntry[] {
  return actions.map((action) => {
    const toolName = names.get(action.id) ?? action.id;
    const effects = actionEffects(action, vouchedRead(toolName, action.key));
    let normalized: NormalizedSchema | undefined;
    let conversionError: string | undefined;
    try {
      normalized = normalizeSchema(action.inputSchema, profile);
    } catch (error) {
      conversionError = error instanceof Error ? error.message : String(error);
    }
    const entry: CatalogEntry = {
      action,
      toolName,
      title: action.name || action.key || action.id,
      description: describeAction(action, effects, normalized?.description),
      annotations: actionAnnotations(action, effects),
      effects,
    };
    if (normalized) entry.normalized = normalized;
    if (conversionError) entry.conversionError = conversionError;
    const output = outputContract(action.outputSchema);
    if (output) entry.output = output;
    return entry;
  });
}

/** Finds an entry by action id, key or tool name (in that order of preference). */
export function indexEntries(
  entries: readonly CatalogEntry[],
): (reference: string) => CatalogEntry | undefined {
  const byId = new Map<string, CatalogEntry>();
  const byKey = new Map<string, CatalogEntry>();
  const byToolName = new Map<string, CatalogEntry>();
  for (const entry of entries) {
    byId.set(entry.action.id, entry);
    if (entry.action.key && !byKey.has(entry.action.key)) byKey.set(entry.action.key, entry);
    byToolName.set(entry.toolName, entry);
  }
  return (reference) => {
    const text = reference.trim();
    return byId.get(text) ?? byKey.get(text) ?? byToolName.get(text) ?? byToolName.get(text.toLowerCase());
  };
}

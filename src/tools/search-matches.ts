/**
 * The matches search_actions returns: what an agent needs to run each one (schema, direct tool, whether
 * this server would run it and why not), with effects, annotations and description (caution included)
 * decided as the catalog decides them for tools/list (never from isReadOnly).
 * Schemas of actions outside the catalog are converted once per schema, not on every call, and a result
 * that would pass --max-output is made to fit by shortening its largest matches, never by dropping them.
 */
import { createHash } from "node:crypto";
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import { actionAnnotations } from "../catalog/annotations.js";
import { describeAction } from "../catalog/describe.js";
import { actionEffects, asksInReadOnly, offeredInReadOnly } from "../catalog/effects.js";
import type { CatalogEntry } from "../catalog/entries.js";
import { isNamedInTools } from "../catalog/selection.js";
import { unusableReason } from "../catalog/usable.js";
import type { Action } from "../membrane/contract/records.js";
import { normalizeSchema } from "../schema/normalize.js";
import type { Services } from "./services.js";
import type { ToolListing } from "./tool-definition.js";

export interface Match {
  id: string;
  key: string | null;
  name: string;
  description: string;
  type: string | null;
  readOnly: boolean;
  /** As tools/list shows them for the action's tool (readOnlyHint, destructiveHint...). */
  annotations: ToolAnnotations;
  toolName: string | null;
  runnable?: false;
  notRunnableBecause?: string;
  /** Read-only mode, effect unknown: run_action asks the person first (refused where nobody can be asked). */
  asksPersonFirst?: string;
  inputSchema: unknown;
  inputSchemaShortened?: true;
}

const EMPTY_SCHEMA = { type: "object", properties: {} };
const MAX_CONVERTED = 1000;

interface Converted {
  schema: unknown;
  /** The schema's note for the description (its alternatives), as the catalog adds it. */
  description: string | undefined;
}

/** Converted schemas of actions the catalog does not hold, by a digest of the source schema. */
export class SchemaMemo {
  private readonly converted = new Map<string, Converted>();
  constructor(private readonly services: Pick<Services, "config">) {}

  get(action: Action): Converted {
    const source = JSON.stringify(action.inputSchema ?? null);
    const digest = createHash("sha256").update(source).digest("hex");
    const known = this.converted.get(digest);
    if (known) return known;
    let schema: Converted;
    try {
      const normalized = normalizeSchema(action.inputSchema, this.services.config.schemaProfile);
      schema = { schema: normalized.schema, description: normalized.description };
    } catch {
      schema = { schema: undefined, description: undefined };
    }
    if (this.converted.size >= MAX_CONVERTED) this.converted.clear();
    this.converted.set(digest, schema);
    return schema;
  }
}

export function describeMatch(
  services: Pick<Services, "config">,
  memo: SchemaMemo,
  action: Action,
  entry: CatalogEntry | undefined,
  listing: Pick<ToolListing, "has">,
): Match {
  const effects = entry?.effects ?? actionEffects(action);
  // An action outside the catalog is described by the catalog's own rules, caution included.
  const converted = entry ? undefined : memo.get(action);
  const inputSchema = entry ? entry.normalized?.schema : converted?.schema;
  const match: Match = {
    id: action.id,
    key: action.key ?? null,
    name: action.name,
    description: entry?.description ?? describeAction(action, effects, converted?.description),
    type: action.type ?? null,
    readOnly: effects.readOnly,
    annotations: entry?.annotations ?? actionAnnotations(action, effects),
    toolName: entry && listing.has(entry.toolName) ? entry.toolName : null,
    inputSchema: inputSchema ?? EMPTY_SCHEMA,
  };
  const unusable = entry ? undefined : unusableReason(action);
  const why = unusable
    ? `it is ${unusable} in Membrane`
    : entry && effects.arbitrary && !isNamedInTools(entry, services.config.tools)
      ? "it runs an arbitrary request or custom code, allowed only when named in --tools"
      : services.config.readOnly && !offeredInReadOnly(effects) && !asksInReadOnly(effects)
        ? "it changes data and this server is read-only"
        : undefined;
  if (!why && services.config.readOnly && !offeredInReadOnly(effects))
    match.asksPersonFirst =
      "Membrane does not say whether it changes data: in read-only mode the person is asked before it runs (refused when this client cannot ask)";
  if (why) {
    match.runnable = false;
    match.notRunnableBecause = why;
  }
  return match;
}

/** The top level of a schema: property names with their type, title and description, and `required`. */
function outline(schema: unknown): unknown {
  if (typeof schema !== "object" || schema === null) return EMPTY_SCHEMA;
  const { properties, required } = schema as { properties?: Record<string, unknown>; required?: unknown };
  const shortened: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties ?? {})) {
    const { type, title, description } = (property ?? {}) as Record<string, unknown>;
    shortened[name] = {
      ...(type !== undefined ? { type } : {}),
      ...(typeof title === "string" ? { title } : {}),
      ...(typeof description === "string" ? { description: description.slice(0, 120) } : {}),
    };
  }
  return { type: "object", properties: shortened, ...(Array.isArray(required) ? { required } : {}) };
}

const sizeOf = (value: unknown) => JSON.stringify(value, null, 2).length;

/**
 * Shortens the largest matches until `output` fits in `maxChars`: first the schema becomes an outline of
 * its top level, then the description is cut and the schema left out. Every match stays in the list.
 */
export function fitMatches(output: { matches: Match[] }, maxChars: number): boolean {
  const budget = Math.max(0, maxChars - 200);
  let shortened = false;
  for (let step = 0; step < output.matches.length * 2 && sizeOf(output) > budget; step++) {
    const largest = output.matches.reduce((a, b) => (sizeOf(b) > sizeOf(a) ? b : a));
    if (!largest.inputSchemaShortened) {
      largest.inputSchema = outline(largest.inputSchema);
      largest.inputSchemaShortened = true;
    } else if (largest.description.length > 300 || Object.keys(largest.inputSchema as object).length > 1) {
      if (largest.description.length > 300) largest.description = `${largest.description.slice(0, 299)}…`;
      largest.inputSchema = { type: "object" };
    } else break;
    shortened = true;
  }
  return shortened;
}

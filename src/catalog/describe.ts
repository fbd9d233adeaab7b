/**
 * The description an agent reads for an action tool: the action's own words, tidied, what it returns when
 * the output schema says, what a raw request's path is relative to, the alternatives of a merged schema,
 * and a warning on high-blast operations.
 * At most 1024 characters, since clients truncate or reject longer ones.
 */
import { API_REQUEST_TYPES } from "../membrane/contract/action-types.js";
import type { Action } from "../membrane/contract/records.js";
import type { ActionEffects } from "./annotations.js";

const MAX_DESCRIPTION = 1024;

const HIGH_BLAST_WARNING =
  "CAUTION: this can send real messages to real people or delete data. Preview it first with run_action and dry_run: true, and confirm with the person before running it.";

function tidy(text: string): string {
  return text
    .replace(/<[^>]+>/g, " ")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

function returnsLine(outputSchema: unknown): string | undefined {
  if (!outputSchema || typeof outputSchema !== "object") return undefined;
  const schema = outputSchema as Record<string, unknown>;
  if (typeof schema["description"] === "string" && schema["description"].trim())
    return `Returns: ${tidy(schema["description"])}`;
  const properties = schema["properties"];
  if (properties && typeof properties === "object") {
    const names = Object.keys(properties).slice(0, 8);
    if (names.length > 0) return `Returns an object with ${names.map((name) => `\`${name}\``).join(", ")}.`;
  }
  if (schema["type"] === "array") return "Returns a list.";
  if (typeof schema["type"] === "string") return `Returns a ${schema["type"]}.`;
  return undefined;
}

/** The base URL a request action's path field names in its description ("Path relative to https://..."). */
function pathBase(action: Action): string | undefined {
  const properties = (
    action.inputSchema as { properties?: Record<string, { description?: unknown }> } | undefined
  )?.properties;
  for (const field of ["path", "url", "uri"]) {
    const description = properties?.[field]?.description;
    const url = typeof description === "string" ? /https?:\/\/[^\s),;]+/.exec(description)?.[0] : undefined;
    if (url) return url.replace(/[./]+$/, "");
  }
  return undefined;
}

/**
 * What a raw request action's path is relative to. Membrane's request actions and proxy_request (its
 * `membrane request`) may take paths against different bases (the connector's base URL vs the action's own),
 * so a path copied from one to the other can miss: say which base this one uses.
 */
function pathLine(action: Action): string | undefined {
  if (action.type === undefined || !API_REQUEST_TYPES.has(action.type)) return undefined;
  const base = pathBase(action);
  return base
    ? `The path is relative to ${base} (its path field says so): e.g. ${base.endsWith("/v1") ? "/segments, not /v1/segments" : "/v1/segments"}. proxy_request's path is relative to the connector's base URL instead, so do not reuse a path between them unchanged.`
    : "The path is relative to a base URL this action does not name (see its path field); proxy_request's may differ, so do not reuse a path between them unchanged.";
}

export function describeAction(
  action: Action,
  effects: ActionEffects,
  schemaNote: string | undefined,
): string {
  const parts: string[] = [];
  if (effects.highBlast) parts.push(HIGH_BLAST_WARNING);
  const own =
    tidy(action.description ?? "") ||
    `Runs the Customer.io action "${action.name || action.key || action.id}".`;
  parts.push(own);
  const path = pathLine(action);
  if (path) parts.push(path);
  const returns = returnsLine(action.outputSchema);
  if (returns) parts.push(returns);
  // The schema note (the alternatives and their required fields) is kept whole; the rest is cut to fit.
  const note = schemaNote ? `\n${tidy(schemaNote)}` : "";
  const text = parts.join("\n");
  const room = MAX_DESCRIPTION - note.length;
  return text.length <= room ? `${text}${note}` : `${text.slice(0, room - 1).trimEnd()}…${note}`;
}

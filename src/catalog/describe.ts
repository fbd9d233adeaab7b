/**
 * The description an agent reads for an action tool: the action's own words, tidied, what it returns when
 * the output schema says, the alternatives of a merged schema, and a warning on high-blast operations.
 * At most 1024 characters, since clients truncate or reject longer ones.
 */
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
  const returns = returnsLine(action.outputSchema);
  if (returns) parts.push(returns);
  // The schema note (the alternatives and their required fields) is kept whole; the rest is cut to fit.
  const note = schemaNote ? `\n${tidy(schemaNote)}` : "";
  const text = parts.join("\n");
  const room = MAX_DESCRIPTION - note.length;
  return text.length <= room ? `${text}${note}` : `${text.slice(0, room - 1).trimEnd()}…${note}`;
}

/**
 * What the gemini and openai-strict profiles share: the result shape, type inference for typeless nodes,
 * and the fallback for values a profile cannot declare (sent as JSON text, parsed again before the run).
 */
import { showPath } from "./convert.js";
import type { Decoder } from "./decode.js";
import { isPlainObject, type Schema, textOf, withSentence } from "./keywords.js";

export interface Profiled {
  schema: Schema;
  decoder: Decoder;
}

/** The type a typeless node evidently has, judging by its keywords. */
export function inferType(node: Schema): string | undefined {
  if (typeof node.type === "string") return node.type;
  if (node.properties !== undefined || node.additionalProperties !== undefined) return "object";
  if (node.items !== undefined) return "array";
  const values = Array.isArray(node.enum) ? node.enum : node.const !== undefined ? [node.const] : [];
  const kinds = new Set(values.map((v) => (Number.isInteger(v) ? "integer" : typeof v)));
  const [kind] = kinds;
  if (
    kinds.size === 1 &&
    (kind === "string" || kind === "boolean" || kind === "integer" || kind === "number")
  ) {
    return kind;
  }
  return undefined;
}

export function hasProperties(node: Schema): boolean {
  return isPlainObject(node.properties) && Object.keys(node.properties).length > 0;
}

/** A value the profile cannot declare, sent as JSON text and parsed again before the run. */
export function asJsonText(node: Schema, path: string, notes: string[], client: string): Profiled {
  const text = textOf(node);
  const isObject = inferType(node) === "object";
  const hint = isObject
    ? 'Give it as a JSON object in text, e.g. {"key": "value"}.'
    : "Give it as JSON text.";
  notes.push(`${showPath(path)} is sent as JSON text (${client} cannot declare it)`);
  return {
    schema: { ...text, type: "string", description: withSentence(text.description, hint) },
    decoder: { kind: "json" },
  };
}

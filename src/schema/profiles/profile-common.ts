/**
 * What the gemini and openai-strict profiles share: the result shape, type inference for typeless nodes,
 * the fallback for values a profile cannot declare (sent as JSON text, parsed again before the run), and
 * the sentence that says what a profile dropped (defaults, bounds, lengths, formats), so that a model
 * still reads the rules the faithful check will apply, and the JSON-text property through which an open
 * object (both dialects close every object they declare) still takes other properties.
 */

import type { Decoder } from "../decode.js";
import { isPlainObject, type Schema, setOwn, showPath, textOf, withSentence } from "../keywords.js";

export interface Profiled {
  schema: Schema;
  decoder: Decoder;
}

/** The non-null type of a node: `"string"` for both `"string"` and `["string", "null"]`. */
export function baseType(node: Schema): string | undefined {
  if (typeof node.type === "string") return node.type;
  if (Array.isArray(node.type))
    return node.type.find((t): t is string => typeof t === "string" && t !== "null");
  return undefined;
}

export function allowsNull(node: Schema): boolean {
  return (
    node.type === "null" ||
    (Array.isArray(node.type) && node.type.includes("null")) ||
    (Array.isArray(node.anyOf) && node.anyOf.some((alt) => isPlainObject(alt) && alt.type === "null"))
  );
}

/** The type a typeless node evidently has, judging by its keywords. */
export function inferType(node: Schema): string | undefined {
  const declared = baseType(node);
  if (declared !== undefined) return declared;
  if (node.properties !== undefined || node.additionalProperties !== undefined) return "object";
  if (node.items !== undefined) return "array";
  const values = Array.isArray(node.enum) ? node.enum : node.const !== undefined ? [node.const] : [];
  const kinds = new Set(
    values.filter((v) => v !== null).map((v) => (Number.isInteger(v) ? "integer" : typeof v)),
  );
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

/** True when the node (or one of its alternatives) says the value may be a string. */
function takesStrings(node: Schema): boolean {
  if (baseType(node) === "string") return true;
  if (Array.isArray(node.type) && node.type.includes("string")) return true;
  if (Array.isArray(node.enum) && node.enum.some((v) => typeof v === "string")) return true;
  return Array.isArray(node.anyOf) && node.anyOf.some((alt) => isPlainObject(alt) && takesStrings(alt));
}

/**
 * A value the profile cannot declare, sent as JSON text and parsed again before the run. Strings too are
 * JSON (quoted): where a node takes a string or a number, the text "1.5" must mean one of them, and it
 * means the number; text that is not JSON at all is still taken as the plain string it is.
 */
export function asJsonText(node: Schema, path: string, notes: string[], client: string): Profiled {
  const text = textOf(node);
  const isObject = inferType(node) === "object";
  const hint = isObject
    ? 'Give it as a JSON object in text, e.g. {"key": "value"}.'
    : takesStrings(node)
      ? 'Give it as JSON text: a string in quotes ("abc"), other values as JSON (12, true, null).'
      : "Give it as JSON text.";
  notes.push(`${showPath(path)} is sent as JSON text (${client} cannot declare it)`);
  return {
    schema: { ...text, type: "string", description: withSentence(text.description, hint) },
    decoder: { kind: "json" },
  };
}

const DROPPED_WORDS: Record<string, string> = {
  default: "Default",
  minimum: "Minimum",
  exclusiveMinimum: "Greater than",
  maximum: "Maximum",
  exclusiveMaximum: "Less than",
  minLength: "Minimum length",
  maxLength: "Maximum length",
  minItems: "Minimum items",
  maxItems: "Maximum items",
  format: "Format",
  pattern: "Pattern",
};

/** `out`'s description, with a sentence naming each rule of `node` that `out` does not carry. */
export function describeDropped(node: Schema, out: Schema): void {
  const said: string[] = [];
  for (const [key, word] of Object.entries(DROPPED_WORDS)) {
    const value = node[key];
    if (value === undefined || out[key] !== undefined) continue;
    said.push(`${word}: ${typeof value === "string" && key !== "default" ? value : JSON.stringify(value)}`);
  }
  if (said.length > 0) out.description = withSentence(out.description, `${said.join(". ")}.`);
}

/** The property that carries an open object's other properties, as JSON text. */
const EXTRA_PROPERTIES = "other_properties_json";

/**
 * An open object (no `additionalProperties: false`, JSON Schema's default) in a dialect whose objects are
 * closed: one extra JSON-text property carries the other properties, merged back on decode. Returns its
 * name; undefined when the object is closed.
 */
export function escapeHatch(
  node: Schema,
  properties: Schema,
  where: { path: string; notes: string[]; client: string; nullable: boolean },
): string | undefined {
  if (node.additionalProperties === false) return undefined;
  let name = EXTRA_PROPERTIES;
  for (let i = 2; Object.hasOwn(properties, name); i++) name = `${EXTRA_PROPERTIES}_${i}`;
  const example = 'Other properties to send, as a JSON object in text, e.g. {"plan": "pro"}';
  setOwn(properties, name, {
    type: where.nullable ? ["string", "null"] : "string",
    description: where.nullable ? `${example}; or null.` : `${example}.`,
  });
  where.notes.push(
    `${showPath(where.path)} takes other properties as JSON text in \`${name}\` (${where.client})`,
  );
  return name;
}

/**
 * The `gemini` profile. Gemini's classic function declarations take an OpenAPI 3.0 subset: they reject
 * `additionalProperties`, `default`, `minimum`/`maximum`, `$ref`, type arrays and (classically) `anyOf`,
 * accept `enum` only on strings and `format` only as `date-time` on strings, and reject a nested object
 * whose `properties` are empty. So: alternatives are collapsed into one declaration (each one's rules said
 * in words), open objects take other properties as JSON text, non-string enum
 * values become strings (mapped back before the run), free-form or untyped values become JSON text, and
 * `null` cannot be sent (type arrays lose it). What is dropped is said in the description.
 */
import { isObjectAlternative, mergeAlternativeProperties, mergeInto } from "../combinators.js";
import { arrayDecoder, type Decoder, objectDecoder } from "../decode.js";
import {
  childPath,
  isPlainObject,
  type Schema,
  setOwn,
  showPath,
  textOf,
  uniqueByJson,
  withSentence,
} from "../keywords.js";
import { explain } from "../root.js";
import { sayRule } from "../rule-words.js";
import {
  asJsonText,
  describeDropped,
  escapeHatch,
  hasProperties,
  inferType,
  type Profiled,
} from "./profile-common.js";

const CLIENT = "Gemini";

export function toGemini(node: Schema, path: string, notes: string[], isRoot = false): Profiled {
  let n = Array.isArray(node.anyOf) ? collapse(node) : node;
  if (n.allOf !== undefined) {
    const { allOf: _allOf, ...rest } = n;
    notes.push(`${showPath(path)}: an allOf was left out for Gemini`);
    n = rest;
  }
  const listed = Array.isArray(n.enum) ? n.enum : n.const !== undefined ? [n.const] : undefined;
  const values = listed?.filter((v) => v !== null);
  if (values && values.length > 0 && !isRoot) return enumAsStrings(n, values);
  const type = isRoot ? "object" : inferType(n);
  if (type === undefined || type === "null" || (type === "object" && !isRoot && !hasProperties(n))) {
    return asJsonText(n, path, notes, CLIENT);
  }
  const out: Schema = { ...textOf(n), type };
  if (typeof n.format === "string" && type === "string" && n.format === "date-time") out.format = n.format;
  for (const key of ["pattern", "minLength", "maxLength", "minItems", "maxItems"]) {
    if (n[key] !== undefined) out[key] = n[key];
  }
  let decoder: Decoder = null;
  if (type === "array") {
    const items = toGemini(isPlainObject(n.items) ? n.items : {}, `${path}[]`, notes);
    out.items = items.schema;
    decoder = arrayDecoder(items.decoder);
  } else if (type === "object") {
    const properties: Schema = {};
    const decoders = new Map<string, { decoder: Decoder; optional: boolean }>();
    for (const [name, child] of Object.entries(isPlainObject(n.properties) ? n.properties : {})) {
      const converted = toGemini(isPlainObject(child) ? child : {}, childPath(path, name), notes);
      setOwn(properties, name, converted.schema);
      decoders.set(name, { decoder: converted.decoder, optional: false });
    }
    // Gemini's objects take only what they declare: an open one takes its other properties as JSON text.
    const extra = escapeHatch(n, properties, { path, notes, client: CLIENT, nullable: false });
    out.properties = properties;
    if (Array.isArray(n.required) && n.required.length > 0) out.required = n.required;
    decoder = objectDecoder(decoders, extra);
  }
  describeDropped(n, out);
  return { schema: out, decoder };
}

/** Gemini accepts `enum` only as strings: other values are written as JSON and mapped back. */
function enumAsStrings(node: Schema, values: readonly unknown[]): Profiled {
  const plain = new Map<string, unknown>();
  for (const value of values) plain.set(typeof value === "string" ? value : JSON.stringify(value), value);
  // When a string and another value would read the same (`[1, "1"]`), every value is written as JSON.
  const map =
    plain.size === values.length ? plain : new Map(values.map((value) => [JSON.stringify(value), value]));
  const schema: Schema = { ...textOf(node), type: "string", enum: [...map.keys()] };
  const changed = [...map].some(([text, value]) => text !== value);
  if (map !== plain) schema.description = withSentence(schema.description, "Values are written as JSON.");
  else if (changed) {
    // So "1" reads as the number 1: the string "1" itself cannot be sent (Gemini's enums are strings).
    schema.description = withSentence(schema.description, "Numbers and booleans are given as text.");
  }
  return { schema, decoder: changed ? { kind: "enum", values: map } : null };
}

/** One declaration for `anyOf` alternatives: merged objects, a shared type, or else JSON text. */
function collapse(node: Schema): Schema {
  const { anyOf, ...rest } = node;
  const alternatives = (anyOf as unknown[]).filter(isPlainObject).filter((alt) => alt.type !== "null");
  const [single] = alternatives;
  if (alternatives.length === 1 && single && mergeInto(rest, single)) return rest;
  if (alternatives.every(isObjectAlternative) && (rest.type === undefined || rest.type === "object")) {
    // One object with every alternative's fields: each one's own rules are said in words instead.
    const { required: _required, ...base } = rest;
    const shapes = explain(alternatives).replace(
      "Give one of these argument sets",
      "Give one of these shapes",
    );
    const closed = alternatives.filter((alt) => alt.additionalProperties === false);
    const words = closed.length > 0 ? `${shapes} Give no fields of another shape.` : shapes;
    return {
      ...base,
      description: withSentence(base.description, words),
      type: "object",
      properties: mergeAlternativeProperties(rest, alternatives),
      // Closed when every shape is: then no other keys at all.
      ...(closed.length === alternatives.length && { additionalProperties: false }),
    };
  }
  const types = new Set(alternatives.map((alt) => inferType(alt)));
  const [only] = types;
  if (types.size === 1 && only !== undefined && (rest.type === undefined || rest.type === only)) {
    const merged: Schema = { ...rest, type: only };
    // What tells the alternatives apart (patterns, bounds, formats) is said, not merged away.
    const SHARED = new Set(["type", "enum", "const", "items", "title", "description"]);
    if (alternatives.some((alt) => Object.keys(alt).some((key) => !SHARED.has(key)))) {
      const each = alternatives.map((alt, i) => `(${i + 1}) ${sayRule(alt)}`).join("; ");
      merged.description = withSentence(rest.description, `One of: ${each}.`);
    }
    const enums = alternatives.map((alt) => (Array.isArray(alt.enum) ? alt.enum : (alt.const ?? undefined)));
    if (enums.every((e) => e !== undefined)) merged.enum = uniqueByJson(enums.flat());
    if (only === "array") {
      const items = uniqueByJson(alternatives.map((alt) => (isPlainObject(alt.items) ? alt.items : {})));
      merged.items = items.length === 1 ? items[0] : { anyOf: items };
    }
    return merged;
  }
  const kinds = [...types].map((t) => t ?? "any value").join(", ");
  // Sent as JSON text; the alternatives stay so that JSON text knows whether a plain string is one.
  const description = withSentence(rest.description, `One of: ${kinds}.`);
  return { ...textOf(rest), description, anyOf: alternatives };
}

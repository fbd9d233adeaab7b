/**
 * The `openai-strict` profile. OpenAI's strict mode wants every object closed (`additionalProperties:
 * false`) with every property listed in `required`; an optional property is expressed as nullable
 * (`type: [t, "null"]`, `null` added to an enum), and the nulls are removed again before the run. It has
 * no `oneOf`/`allOf`/`default`/`examples`/length bounds, only a few formats, and at most 10 levels of
 * nesting; what it cannot declare (free-form values, deeper parts) is sent as JSON text, and an open
 * object (any without `additionalProperties: false`, as JSON Schema reads it) keeps taking other
 * properties through one extra JSON-text property merged back on decode.
 */
import { mergeInto } from "../combinators.js";
import { arrayDecoder, type Decoder, objectDecoder, type PropertyDecoder, unionDecoder } from "../decode.js";
import {
  childPath,
  isPlainObject,
  type Schema,
  setOwn,
  showPath,
  textOf,
  withSentence,
} from "../keywords.js";
import {
  allowsNull,
  asJsonText,
  baseType,
  describeDropped,
  escapeHatch,
  hasProperties,
  inferType,
  type Profiled,
} from "./profile-common.js";

const CLIENT = "OpenAI strict mode";
/**
 * OpenAI's limit: "up to 10 levels of nesting", without saying whether the root counts. One level too
 * many fails the whole request, one too few costs a JSON-text field, so it is read safely: the root and
 * every object below it are levels (arrays are not); an object past the tenth is JSON text.
 */
export const STRICT_MAX_DEPTH = 10;
/** OpenAI's limit on enum values over one schema; a longer enum is described and checked, not listed. */
const STRICT_MAX_ENUM_VALUES = 1_000;
const SHOWN_VALUES = 5;

/** What one schema has used of the limits that span all of it. */
interface Budget {
  enumValues: number;
}
const FORMATS = new Set([
  "date-time",
  "time",
  "date",
  "duration",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "uuid",
]);
const KEPT = ["enum", "const", "pattern", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"];

/** `levels`: the object levels above this node (0 at the root). */
export function toStrict(
  node: Schema,
  path: string,
  notes: string[],
  isRoot = false,
  levels = 0,
  budget: Budget = { enumValues: STRICT_MAX_ENUM_VALUES },
): Profiled {
  let n = node;
  if (n.allOf !== undefined) {
    const { allOf: _allOf, ...rest } = n;
    notes.push(`${showPath(path)}: an allOf was left out for OpenAI strict mode (still checked)`);
    n = rest;
  }
  if (Array.isArray(n.anyOf) && !isRoot) return alternatives(n, path, notes, levels, budget);
  const type = isRoot ? "object" : inferType(n);
  if (type === "null" && !isRoot) return { schema: { ...textOf(n), type: "null" }, decoder: null };
  const tooDeep = type === "object" && levels + 1 > STRICT_MAX_DEPTH;
  if (type === undefined || tooDeep || (type === "object" && !isRoot && !hasProperties(n))) {
    if (tooDeep) notes.push(`${showPath(path)} is nested deeper than ${STRICT_MAX_DEPTH} levels`);
    return asJsonText(n, path, notes, CLIENT);
  }
  const out: Schema = { ...textOf(n), type: allowsNull(n) && !isRoot ? [type, "null"] : type };
  for (const key of KEPT) if (n[key] !== undefined && !isRoot) out[key] = n[key];
  if (Array.isArray(out.enum)) {
    // +1: an optional property's enum also gets null.
    if (out.enum.length + 1 <= budget.enumValues) budget.enumValues -= out.enum.length + 1;
    else {
      const shown = out.enum.slice(0, SHOWN_VALUES).map((v) => JSON.stringify(v));
      out.description = withSentence(
        out.description,
        `One of ${out.enum.length} allowed values (too many to list; checked on call), such as ${shown.join(", ")}.`,
      );
      notes.push(`${showPath(path)} has too many enum values for ${CLIENT}: they are described, not listed`);
      delete out.enum;
    }
  }
  if (typeof n.format === "string" && FORMATS.has(n.format)) out.format = n.format;
  let decoder: Decoder = null;
  if (type === "array") {
    const items = toStrict(isPlainObject(n.items) ? n.items : {}, `${path}[]`, notes, false, levels, budget);
    out.items = items.schema;
    if (n.minItems !== undefined) out.minItems = n.minItems;
    if (n.maxItems !== undefined) out.maxItems = n.maxItems;
    decoder = arrayDecoder(items.decoder);
  } else if (type === "object") {
    decoder = strictObject(n, out, path, notes, levels + 1, budget);
  }
  describeDropped(n, out);
  return { schema: out, decoder };
}

function strictObject(
  n: Schema,
  out: Schema,
  path: string,
  notes: string[],
  levels: number,
  budget: Budget,
): Decoder {
  const required = new Set(Array.isArray(n.required) ? n.required : []);
  const properties: Schema = {};
  const decoders = new Map<string, PropertyDecoder>();
  for (const [name, child] of Object.entries(isPlainObject(n.properties) ? n.properties : {})) {
    const where = childPath(path, name);
    const converted = toStrict(isPlainObject(child) ? child : {}, where, notes, false, levels, budget);
    const optional = !required.has(name);
    // Strict mode spells "left out" as null: said on the property, unless it is JSON text (where "null" is
    // the value null). Such a property cannot be sent as null here (the tool description says so).
    const schema =
      optional && converted.decoder?.kind !== "json"
        ? { ...converted.schema, description: withSentence(converted.schema.description, "Null: left out.") }
        : converted.schema;
    setOwn(properties, name, optional ? nullable(schema) : schema);
    decoders.set(name, { decoder: converted.decoder, optional });
  }
  // Strict mode closes every object: an open one takes its other properties as one JSON text.
  const extra = escapeHatch(n, properties, { path, notes, client: CLIENT, nullable: true });
  out.properties = properties;
  const names = Object.keys(properties);
  if (names.length > 0) out.required = names;
  out.additionalProperties = false;
  return objectDecoder(decoders, extra);
}

/**
 * Each alternative gets the node's other keywords folded in, so each is a complete strict schema. When
 * one alternative becomes JSON text and another is a string too, no decoder could tell them apart (the
 * string "123" or the object `{"a":1}` written as text?): the whole value is then one JSON text.
 */
function alternatives(node: Schema, path: string, notes: string[], levels: number, budget: Budget): Profiled {
  const { anyOf, title: _title, description: _description, ...shared } = node;
  const parts = (anyOf as unknown[]).filter(isPlainObject).map((alt) => {
    const combined = { ...shared };
    return toStrict(mergeInto(combined, alt) ? combined : alt, path, notes, false, levels, budget);
  });
  const strings = parts.filter(
    (part) => baseType(part.schema) === "string" || part.schema.anyOf !== undefined,
  );
  if (strings.length > 1 && strings.some((part) => part.decoder?.kind === "json")) {
    return asJsonText(node, path, notes, CLIENT);
  }
  return {
    schema: { ...textOf(node), anyOf: parts.map((part) => part.schema) },
    decoder: unionDecoder(parts.map((part) => ({ decoder: part.decoder, schema: part.schema }))),
  };
}

/** The same schema, also accepting `null` (how strict mode spells "optional"). */
export function nullable(schema: Schema): Schema {
  if (Array.isArray(schema.anyOf)) {
    if (schema.anyOf.some((alt) => isPlainObject(alt) && alt.type === "null")) return schema;
    return { ...schema, anyOf: [...schema.anyOf, { type: "null" }] };
  }
  const out: Schema = { ...schema };
  if (typeof schema.type === "string" && schema.type !== "null") out.type = [schema.type, "null"];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
  if (schema.const !== undefined) {
    delete out.const;
    out.enum = schema.const === null ? [null] : [schema.const, null];
  }
  return out;
}

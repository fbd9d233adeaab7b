/**
 * The `openai-strict` profile. OpenAI's strict mode wants every object closed (`additionalProperties:
 * false`) with every property listed in `required`; an optional property is expressed as nullable
 * (`type: [t, "null"]`, `null` added to an enum), and the nulls are removed again before the run. It has
 * no `oneOf`/`allOf`/`default`/`examples`/length bounds and only a few formats; free-form objects and
 * untyped values cannot be declared, so they are sent as JSON text.
 */
import { mergeInto } from "./combinators.js";
import { childPath, showPath } from "./convert.js";
import { arrayDecoder, type Decoder, objectDecoder, unionDecoder } from "./decode.js";
import { isPlainObject, type Schema, setOwn, textOf } from "./keywords.js";
import { asJsonText, hasProperties, inferType, type Profiled } from "./profile-common.js";

const CLIENT = "OpenAI strict mode";
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

export function toStrict(node: Schema, path: string, notes: string[], isRoot = false): Profiled {
  let n = node;
  if (n.allOf !== undefined) {
    const { allOf: _allOf, ...rest } = n;
    notes.push(`${showPath(path)}: an allOf was left out for OpenAI strict mode`);
    n = rest;
  }
  if (Array.isArray(n.anyOf) && !isRoot) return alternatives(n, path, notes);
  const type = isRoot ? "object" : inferType(n);
  if (type === undefined || type === "null" || (type === "object" && !isRoot && !hasProperties(n))) {
    return asJsonText(n, path, notes, CLIENT);
  }
  const out: Schema = { ...textOf(n), type };
  for (const key of KEPT) if (n[key] !== undefined && !isRoot) out[key] = n[key];
  if (typeof n.format === "string" && FORMATS.has(n.format)) out.format = n.format;
  let decoder: Decoder = null;
  if (type === "array") {
    const items = toStrict(isPlainObject(n.items) ? n.items : {}, `${path}[]`, notes);
    out.items = items.schema;
    if (n.minItems !== undefined) out.minItems = n.minItems;
    if (n.maxItems !== undefined) out.maxItems = n.maxItems;
    decoder = arrayDecoder(items.decoder);
  } else if (type === "object") {
    const required = new Set(Array.isArray(n.required) ? n.required : []);
    const properties: Schema = {};
    const decoders = new Map<string, { decoder: Decoder; optional: boolean }>();
    for (const [name, child] of Object.entries(isPlainObject(n.properties) ? n.properties : {})) {
      const converted = toStrict(isPlainObject(child) ? child : {}, childPath(path, name), notes);
      const optional = !required.has(name);
      setOwn(properties, name, optional ? nullable(converted.schema) : converted.schema);
      decoders.set(name, { decoder: converted.decoder, optional });
    }
    out.properties = properties;
    const names = Object.keys(properties);
    if (names.length > 0) out.required = names;
    out.additionalProperties = false;
    if (isPlainObject(n.additionalProperties)) {
      notes.push(`${showPath(path)} takes only its listed properties in OpenAI strict mode`);
    }
    decoder = objectDecoder(decoders);
  }
  return { schema: out, decoder };
}

/** Each alternative gets the node's other keywords folded in, so each is a complete strict schema. */
function alternatives(node: Schema, path: string, notes: string[]): Profiled {
  const { anyOf, title: _title, description: _description, ...shared } = node;
  const parts = (anyOf as unknown[]).filter(isPlainObject).map((alt) => {
    const combined = { ...shared };
    return toStrict(mergeInto(combined, alt) ? combined : alt, path, notes);
  });
  return {
    schema: { ...textOf(node), anyOf: parts.map((part) => part.schema) },
    decoder: unionDecoder(parts.map((part) => part.decoder)),
  };
}

/** The same schema, also accepting `null` (how strict mode spells "optional"). */
export function nullable(schema: Schema): Schema {
  if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: [...schema.anyOf, { type: "null" }] };
  const out: Schema = { ...schema };
  if (typeof schema.type === "string") out.type = [schema.type, "null"];
  if (Array.isArray(schema.enum)) out.enum = [...schema.enum, null];
  if (schema.const !== undefined) {
    delete out.const;
    out.enum = [schema.const, null];
  }
  return out;
}

/**
 * A property named `__proto__`. Ajv ignores a property schema by that name (and a value's own `__proto__`
 * key slips past it), so the faithful check renames it on both sides to a stand-in no JSON key collides
 * with in practice; the value Membrane receives keeps its original `__proto__` key (an own property).
 */
import { isPlainObject, type Schema, setOwn } from "./keywords.js";

const STAND_IN = "\u0000__proto__";
const rename = (key: string): string => (key === "__proto__" ? STAND_IN : key);

/** True when some node of `schema` declares or requires a `__proto__` property. */
export function mentionsProto(schema: unknown): boolean {
  return JSON.stringify(schema)?.includes('"__proto__"') ?? false;
}

/** A copy of `schema` with every `__proto__` property (and required name) renamed to the stand-in. */
export function protoSafeSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(protoSafeSchema);
  if (!isPlainObject(node)) return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === "properties" || key === "patternProperties") && isPlainObject(value)) {
      const map: Schema = {};
      for (const [name, child] of Object.entries(value)) setOwn(map, rename(name), protoSafeSchema(child));
      setOwn(out, key, map);
    } else if (key === "required" && Array.isArray(value)) {
      out.required = value.map((name) => (typeof name === "string" ? rename(name) : name));
    } else if (key === "enum" || key === "const" || key === "default" || key === "examples") {
      setOwn(out, key, value);
    } else {
      setOwn(out, key, protoSafeSchema(value));
    }
  }
  return out;
}

/** A copy of `value` with every own `__proto__` key renamed like the schema's. */
export function protoSafeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(protoSafeValue);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) setOwn(out, rename(key), protoSafeValue(child));
  return out;
}

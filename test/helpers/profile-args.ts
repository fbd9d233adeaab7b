/**
 * Writes a plain action input the way a client speaking a schema profile sends it, read off the tool's
 * advertised inputSchema: a value the schema advertises as a string (gemini's and openai-strict's "any
 * value" and free-form objects) goes as JSON text, a number whose enum is strings as its text (gemini's
 * enums), and a property the schema requires but the input leaves out as null (openai-strict's "left
 * out"). In the default profile it changes nothing. Tests use it to call every tool in every profile.
 */
import { isPlainObject } from "../../src/schema/keywords.js";

const typesOf = (schema: Record<string, unknown>): unknown[] =>
  Array.isArray(schema["type"]) ? schema["type"] : [schema["type"]];

export function argsForSchema(schema: unknown, value: unknown): unknown {
  if (!isPlainObject(schema)) return value;
  const types = typesOf(schema);
  const properties = isPlainObject(schema["properties"]) ? schema["properties"] : undefined;
  if (isPlainObject(value) && properties && types.includes("object")) {
    const required = Array.isArray(schema["required"]) ? schema["required"] : [];
    const out: Record<string, unknown> = {};
    for (const [name, sub] of Object.entries(properties)) {
      if (Object.hasOwn(value, name)) out[name] = argsForSchema(sub, value[name]);
      else if (required.includes(name)) out[name] = null;
    }
    return out;
  }
  if ((isPlainObject(value) || Array.isArray(value)) && types.includes("string"))
    return JSON.stringify(value);
  if (Array.isArray(value) && isPlainObject(schema["items"]))
    return value.map((item) => argsForSchema(schema["items"], item));
  if (typeof value === "number" && types.includes("string")) return String(value);
  return value;
}

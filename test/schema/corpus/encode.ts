/**
 * How a model following an advertised schema would write a plain input as tool arguments, per profile.
 * `default` sends the input as it is. `gemini` and `openai-strict` tell the model to send what they cannot
 * declare as JSON text (the node's description says "JSON"), Gemini's string-only enums take non-string
 * values as their JSON, and OpenAI strict mode sends `null` for every property it leaves out. Written from
 * the advertised schema alone (never from src/schema), so the differential test checks the server's
 * decoder against the schema it advertises.
 */
import { Ajv } from "ajv";

type Node = Record<string, unknown>;
export type Profile = "default" | "gemini" | "openai-strict";

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const ajv = new Ajv({ strict: false, validateFormats: false, ownProperties: true, logger: false });
const fits = (schema: Node, value: unknown): boolean => {
  try {
    return ajv.validate(schema, value) === true;
  } catch {
    return false;
  }
};

function define(target: Node, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The one non-null type of a node: "string" for "string" or ["string", "null"]. */
function typeOf(node: Node): string | undefined {
  if (typeof node.type === "string") return node.type;
  if (Array.isArray(node.type)) return node.type.find((t): t is string => t !== "null");
  return undefined;
}

const isJsonText = (node: Node): boolean =>
  typeOf(node) === "string" && typeof node.description === "string" && /JSON/.test(node.description);

export function encodeArguments(value: unknown, schema: unknown, profile: Profile): unknown {
  if (profile === "default" || !isNode(schema)) return value;
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf.filter(isNode);
    for (const branch of branches) {
      const candidate = encodeArguments(value, branch, profile);
      if (fits(branch, candidate)) return candidate;
    }
    return value;
  }
  if (isJsonText(schema)) return JSON.stringify(value);
  const type = typeOf(schema);
  if (type === "string" && Array.isArray(schema.enum) && typeof value !== "string") {
    const text = JSON.stringify(value);
    return schema.enum.includes(text) ? text : value;
  }
  if (type === "array" && Array.isArray(value)) {
    return value.map((item) => encodeArguments(item, schema.items, profile));
  }
  if (type === "object" && isNode(value)) {
    const properties = isNode(schema.properties) ? schema.properties : {};
    const out: Node = {};
    for (const [name, item] of Object.entries(value)) {
      define(
        out,
        name,
        Object.hasOwn(properties, name) ? encodeArguments(item, properties[name], profile) : item,
      );
    }
    if (profile === "openai-strict") {
      for (const name of Object.keys(properties)) if (!Object.hasOwn(out, name)) define(out, name, null);
    }
    return out;
  }
  return value;
}

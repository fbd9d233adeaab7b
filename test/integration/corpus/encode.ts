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

/**
 * An input the advertised schema cannot carry, so no model following it could send it: the differential
 * test does not send it through the direct tool (run_action still takes it plainly). Raised only for the
 * limitations each profile states in its tool descriptions, named at each `throw`.
 */
export class Inexpressible extends Error {
  override name = "Inexpressible";
  /** False when no description states the limit: the value is simply unwritable (a converter bug). */
  constructor(
    message: string,
    readonly stated = true,
  ) {
    super(message);
  }
}

/** The property an open object takes its other properties through, as JSON text (gemini, openai-strict). */
function escapeHatch(properties: Node): string | undefined {
  return Object.keys(properties).find((name) => {
    const child = properties[name];
    return (
      isNode(child) && /^Other properties to send, as a JSON object in text/.test(String(child.description))
    );
  });
}

/** The client-safe names the advertised object gives renamed keys (`Sent as "first name".`). */
function advertisedNames(properties: Node): Map<string, string> {
  const names = new Map<string, string>();
  for (const [name, child] of Object.entries(properties)) {
    const said = isNode(child) && typeof child.description === "string" ? child.description : "";
    const match = /Sent as "(.*?)"\./.exec(said);
    if (match?.[1] !== undefined && !Object.hasOwn(properties, match[1])) names.set(match[1], name);
  }
  return names;
}

const allowsNull = (node: Node): boolean =>
  node.type === "null" ||
  (Array.isArray(node.type) && node.type.includes("null")) ||
  (Array.isArray(node.enum) && node.enum.includes(null)) ||
  (Array.isArray(node.anyOf) && node.anyOf.some((alt) => isNode(alt) && allowsNull(alt)));

export function encodeArguments(value: unknown, schema: unknown, profile: Profile): unknown {
  if (!isNode(schema)) return value;
  if (profile !== "default" && Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf.filter(isNode);
    for (const branch of branches) {
      let candidate: unknown;
      try {
        candidate = encodeArguments(value, branch, profile);
      } catch (error) {
        if (error instanceof Inexpressible) continue;
        throw error;
      }
      if (fits(branch, candidate)) return candidate;
    }
    return value;
  }
  if (profile !== "default" && isJsonText(schema)) return JSON.stringify(value);
  // Gemini declares no null at all (the gemini profile's tool descriptions say so).
  if (profile === "gemini" && value === null) throw new Inexpressible("Gemini cannot send null");
  const type = typeOf(schema);
  if (profile !== "default" && type === "string" && Array.isArray(schema.enum)) {
    // Gemini's enums hold strings only; its description says how other values are written: every value
    // as JSON ("Values are written as JSON."), or numbers and booleans as their text ("1" for 1), so
    // that the string "1" itself cannot be sent. Without either, the enum is of plain strings.
    const said = typeof schema.description === "string" ? schema.description : "";
    if (/written as JSON/.test(said)) return JSON.stringify(value);
    if (!/given as text/.test(said)) return value;
    if (typeof value !== "string") {
      const text = JSON.stringify(value);
      return schema.enum.includes(text) ? text : value;
    }
    let parsed: unknown = value;
    try {
      parsed = JSON.parse(value);
    } catch {}
    if (schema.enum.includes(value) && typeof parsed !== "string") {
      throw new Inexpressible(`Gemini: the enum text "${value}" stands for ${value}, not the string`);
    }
    return value;
  }
  if (type === "array" && Array.isArray(value)) {
    return value.map((item) => encodeArguments(item, schema.items, profile));
  }
  if (type === "object" && isNode(value)) {
    const properties = isNode(schema.properties) ? schema.properties : {};
    const names = advertisedNames(properties);
    const hatch = profile === "default" ? undefined : escapeHatch(properties);
    const out: Node = {};
    const others: Node = {};
    for (const [key, item] of Object.entries(value)) {
      const name = Object.hasOwn(properties, key) && key !== hatch ? key : names.get(key);
      if (name === undefined && profile !== "default") {
        // A key the schema does not declare: only an open object's escape hatch can carry it.
        if (hatch === undefined) throw new Inexpressible(`no way to write the key \`${key}\``, false);
        define(others, key, item);
        continue;
      }
      if (name === undefined) {
        // Another property: written as the schema for other properties says (its renamed keys too).
        const others = isNode(schema.additionalProperties) ? schema.additionalProperties : undefined;
        define(out, key, others ? encodeArguments(item, others, profile) : item);
        continue;
      }
      const child = properties[name];
      if (
        profile === "openai-strict" &&
        item === null &&
        isNode(child) &&
        /Null: left out\./.test(String(child.description))
      ) {
        // OpenAI strict mode: null is how an optional property is left out, so it cannot be sent as null.
        throw new Inexpressible(`OpenAI strict mode: null for optional \`${name}\` means "left out"`);
      }
      define(out, name, encodeArguments(item, child, profile));
    }
    if (hatch !== undefined && Object.keys(others).length > 0) define(out, hatch, JSON.stringify(others));
    if (profile === "openai-strict") {
      for (const [name, child] of Object.entries(properties)) {
        if (Object.hasOwn(out, name)) continue;
        // OpenAI strict mode lists every property as required: one that takes no null cannot be left out.
        // Nor can a required one that takes null (there null is the value, not "left out"): only a
        // property marked "Null: left out." or an optional one given as JSON text is left out by a null.
        const leftOutByNull =
          isNode(child) &&
          allowsNull(child) &&
          (/Null: left out\./.test(String(child.description)) || isJsonText(child));
        if (!leftOutByNull) throw new Inexpressible(`OpenAI strict mode needs \`${name}\``);
        define(out, name, null);
      }
    }
    return out;
  }
  return value;
}

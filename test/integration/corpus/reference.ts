/**
 * The reference reading of a Membrane DataSchema, "as Membrane reads it", for the differential test: the
 * schema is rewritten into plain JSON Schema (draft-07, Membrane's dialect) and checked by Ajv. Rules:
 * formats are annotations; `allowCustom` lifts an enum or pick-list; `referenceRecords` is an enum of their
 * ids; read-only properties are ignored on input (any value, never required); `nullable: true` also allows
 * null; `oneOf` reads as `anyOf`; a `$ref` that is not a local pointer names a Membrane app schema and
 * accepts any value; a `required` name that no `properties` anywhere in the schema declares is ignored
 * (Membrane's dialect lists it as a quirk: enforced, such an action could never run where objects are
 * closed, and Membrane's SDK itself filters `required` down to the fields a schema has, as in
 * pickFieldsFromSchema). Everything else is standard JSON Schema. Deliberately independent of
 * src/schema: it must not share its mistakes. A schema whose `$schema` names 2020-12 is read as 2020-12.
 */
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Ajv ignores a property schema named `__proto__`: both schema and value use this stand-in instead. */
const PROTO_STAND_IN = "\u0000__proto__";
const safeKey = (key: string): string => (key === "__proto__" ? PROTO_STAND_IN : key);

function define(target: Node, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const SUBSCHEMA_LISTS = ["anyOf", "oneOf", "allOf"];
const SUBSCHEMA_MAPS = ["properties", "definitions", "$defs", "patternProperties", "dependentSchemas"];
const SUBSCHEMAS = [
  "items",
  "additionalProperties",
  "not",
  "contains",
  "if",
  "then",
  "else",
  "propertyNames",
  "unevaluatedProperties",
  "additionalItems",
];

/** Every property name some `properties` of the schema declares. */
function declaredAnywhere(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const child of node) declaredAnywhere(child, into);
  else if (isNode(node)) {
    if (isNode(node.properties)) for (const name of Object.keys(node.properties)) into.add(name);
    for (const child of Object.values(node)) if (typeof child === "object") declaredAnywhere(child, into);
  }
  return into;
}

let declared: ReadonlySet<string> = new Set();

/** One DataSchema node -> plain JSON Schema. */
export function plainSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(plainSchema); // a tuple `items`
  if (!isNode(node)) return node;
  if (typeof node.$ref === "string" && !node.$ref.startsWith("#")) return {}; // a Membrane app schema
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "format" || key === "referenceRecords" || key === "nullable" || key === "$schema") continue;
    if (SUBSCHEMA_LISTS.includes(key) && Array.isArray(value)) {
      out[key === "oneOf" ? "anyOf" : key] = value.map(plainSchema);
    } else if (SUBSCHEMA_MAPS.includes(key) && isNode(value)) {
      const map: Node = {};
      for (const [name, child] of Object.entries(value)) {
        const readOnly = key === "properties" && isNode(child) && child.readOnly === true;
        // A property "schema" that is no schema at all (UDM customers.status is the string "active"): any value.
        const usable = isNode(child) || typeof child === "boolean";
        define(map, safeKey(name), readOnly || !usable ? {} : plainSchema(child));
      }
      out[key] = map;
    } else if (SUBSCHEMAS.includes(key)) {
      out[key] = plainSchema(value);
    } else if (key === "required" && Array.isArray(value)) {
      const properties = isNode(node.properties) ? node.properties : {};
      const readOnly = (name: string) => isNode(properties[name]) && properties[name].readOnly === true;
      out.required = value
        .filter((name) => typeof name === "string" && !readOnly(name) && declared.has(name))
        .map(safeKey);
    } else if (key !== "required") {
      define(out, key, value);
    }
  }
  if (Array.isArray(node.referenceRecords) && out.enum === undefined) {
    out.enum = node.referenceRecords.filter(isNode).map((record) => record.id);
  }
  if (node.allowCustom === true) delete out.enum;
  if (node.nullable === true) return { anyOf: [out, { type: "null" }] };
  return out;
}

/** The value with every `__proto__` key renamed like the schema's. */
function safeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(safeValue);
  if (!isNode(value)) return value;
  const out: Node = {};
  for (const [key, child] of Object.entries(value)) define(out, safeKey(key), safeValue(child));
  return out;
}

// ownProperties: a property named "constructor" or "toString" is not found on Object.prototype.
const options = { strict: false, validateFormats: false, ownProperties: true, logger: false } as const;
const ajv = new Ajv(options);
/** A schema that names the 2020-12 dialect (`$schema`) is read as 2020-12; every other one as draft-07. */
const ajv2020 = new Ajv2020(options);
const is2020 = (schema: unknown) => isNode(schema) && String(schema.$schema).includes("2020-12");

/** A validator that answers whether Membrane would accept a value for `schema` (undefined: no schema). */
export function referenceValidator(schema: unknown): (value: unknown) => boolean {
  if (schema === undefined || schema === null) return () => true;
  declared = declaredAnywhere(schema, new Set());
  const validate = (is2020(schema) ? ajv2020 : ajv).compile(plainSchema(schema) as object);
  return (value) => validate(safeValue(value)) === true;
}

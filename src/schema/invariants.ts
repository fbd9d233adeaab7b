/**
 * The promises an advertised schema keeps, checked after every conversion (in gemini and openai-strict a
 * schema that breaks one takes the whole input as JSON text instead, whole-text.ts; elsewhere it is never
 * advertised), by the property-based tests and over every tool list the tests produce (toolListProblems
 * in test/helpers). They are the rules whose breach makes clients drop a tool or, worse, every tool of
 * the server: a root object without combinators, property keys Anthropic's API takes
 * (`^[a-zA-Z0-9_.-]{1,64}$`, no prototype member), Gemini's subset and Vertex's property names, and
 * OpenAI strict mode (closed objects, every property required, at most 10 object levels counting the
 * root, at most 5,000 properties and 1,000 enum values).
 */

import { ALLOWED_KEYWORDS, isPlainObject, JSON_TYPES } from "./keywords.js";
import { isSafeKey, keyRule } from "./property-keys.js";
import type { SchemaProfile } from "./types.js";

const STRICT_MAX_DEPTH = 10;
const STRICT_MAX_PROPERTIES = 5_000;
const STRICT_MAX_ENUM_VALUES = 1_000;

const GEMINI_REJECTS = [
  "additionalProperties",
  "default",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "anyOf",
  "oneOf",
  "allOf",
  "const",
  "examples",
];
const STRICT_REJECTS = ["oneOf", "allOf", "default", "examples", "minLength", "maxLength", "uniqueItems"];

/** Every broken promise, as "where: what"; empty when the schema is fine. */
export function schemaProblems(schema: unknown, profile: SchemaProfile = "default"): string[] {
  const problems: string[] = [];
  if (!isPlainObject(schema)) return ["root: not an object schema"];
  if (schema.type !== "object") problems.push('root: type is not "object"');
  if (!isPlainObject(schema.properties)) problems.push("root: properties missing");
  for (const key of ["anyOf", "oneOf", "allOf"]) if (key in schema) problems.push(`root: has ${key}`);
  const totals = { properties: 0, enumValues: 0, depth: 0 };
  walk(schema, "root", profile, true, problems, totals, 0);
  if (profile === "openai-strict") {
    if (totals.depth > STRICT_MAX_DEPTH) problems.push(`root: nested ${totals.depth} levels (openai-strict)`);
    if (totals.properties > STRICT_MAX_PROPERTIES)
      problems.push(`root: ${totals.properties} properties (openai-strict)`);
    if (totals.enumValues > STRICT_MAX_ENUM_VALUES)
      problems.push(`root: ${totals.enumValues} enum values (openai-strict)`);
  }
  return problems;
}

function checkType(type: unknown, where: string, profile: SchemaProfile, problems: string[]): void {
  if (type === undefined) return;
  if (typeof type === "string") {
    if (!JSON_TYPES.has(type)) problems.push(`${where}: unknown type ${type}`);
    return;
  }
  // Only the nullable form [t, "null"] may be an array, and not for Gemini.
  const nullable = Array.isArray(type) && type.length === 2 && JSON_TYPES.has(type[0]) && type[1] === "null";
  if (!(profile !== "gemini" && nullable)) problems.push(`${where}: type is ${JSON.stringify(type)}`);
}

function walk(
  node: unknown,
  where: string,
  profile: SchemaProfile,
  isRoot: boolean,
  problems: string[],
  totals: { properties: number; enumValues: number; depth: number },
  depth: number,
): void {
  // OpenAI's nesting, read safely (openai-strict.ts): the root and each object below it are levels.
  const isObject = (t: unknown) => t === "object";
  const level =
    isPlainObject(node) && (Array.isArray(node.type) ? node.type.some(isObject) : isObject(node.type))
      ? depth + 1
      : depth;
  totals.depth = Math.max(totals.depth, level);
  if (typeof node === "boolean") return void problems.push(`${where}: bare boolean schema`);
  if (!isPlainObject(node)) return void problems.push(`${where}: not a schema object`);
  for (const key of Object.keys(node)) {
    if (!ALLOWED_KEYWORDS.has(key)) problems.push(`${where}: keyword ${key}`);
  }
  checkType(node.type, where, profile, problems);
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const properties = isPlainObject(node.properties) ? node.properties : undefined;
  if (node.properties !== undefined && !properties) problems.push(`${where}: properties is not an object`);
  if (node.required !== undefined) {
    const ok =
      Array.isArray(node.required) &&
      node.required.every(
        (n) => typeof n === "string" && properties !== undefined && Object.hasOwn(properties, n),
      );
    if (!ok) problems.push(`${where}: required ${JSON.stringify(node.required)}`);
  }
  if (types.includes("array") && !isPlainObject(node.items)) problems.push(`${where}: array without items`);
  const extra = node.additionalProperties;
  if (extra !== undefined && typeof extra !== "boolean") {
    walk(extra, `${where}.*`, profile, false, problems, totals, level);
  }
  if (node.items !== undefined) walk(node.items, `${where}[]`, profile, false, problems, totals, level);
  for (const [name, child] of Object.entries(properties ?? {})) {
    if (!isSafeKey(name, keyRule(profile))) problems.push(`${where}: property key ${JSON.stringify(name)}`);
    totals.properties += 1;
    walk(child, `${where}.${name}`, profile, false, problems, totals, level);
  }
  if (Array.isArray(node.enum)) totals.enumValues += node.enum.length;
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const list = node[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) problems.push(`${where}: empty ${key}`);
    else
      for (const [i, alt] of list.entries())
        walk(alt, `${where}.${key}[${i}]`, profile, false, problems, totals, depth);
  }
  if (profile === "gemini") {
    for (const key of GEMINI_REJECTS) if (key in node) problems.push(`${where}: ${key} (gemini)`);
    if (typeof node.type !== "string") problems.push(`${where}: no type (gemini)`);
    if (Array.isArray(node.enum) && !node.enum.every((v) => typeof v === "string")) {
      problems.push(`${where}: non-string enum (gemini)`);
    }
    if (node.type === "object" && !isRoot && Object.keys(properties ?? {}).length === 0) {
      problems.push(`${where}: object without properties (gemini)`);
    }
  }
  if (profile === "openai-strict") {
    for (const key of STRICT_REJECTS) if (key in node) problems.push(`${where}: ${key} (openai-strict)`);
    if (node.type === undefined && node.anyOf === undefined)
      problems.push(`${where}: no type (openai-strict)`);
    if (types.includes("object")) {
      const names = Object.keys(properties ?? {});
      const required = Array.isArray(node.required) ? node.required : [];
      if (node.additionalProperties !== false) problems.push(`${where}: object not closed (openai-strict)`);
      if (names.length !== required.length)
        problems.push(`${where}: not every property required (openai-strict)`);
    }
  }
}

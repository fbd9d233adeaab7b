/**
 * The rules a client cannot be shown, in words for its description (advertise.ts): the keywords kept for
 * the faithful check only (checked-keywords.ts) and the shape of a placeholder key's value. A short
 * phrase for the common forms ("`kind` is "email"", "give `email`", "a number"), compact JSON otherwise,
 * so that a model still reads the rule that the check will apply.
 */
import { isAnyValue, isPlainObject, type Schema } from "./keywords.js";

const MAX_JSON = 120;
const ARTICLE: Record<string, string> = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "a boolean",
  object: "an object",
  array: "an array",
  null: "null",
};

const BOUNDS: Record<string, string> = {
  minimum: "at least",
  maximum: "at most",
  exclusiveMinimum: "more than",
  exclusiveMaximum: "less than",
  minLength: "at least",
  maxLength: "at most",
  minItems: "at least",
  maxItems: "at most",
};
const UNITS: Record<string, string> = {
  minLength: " characters",
  maxLength: " characters",
  minItems: " items",
  maxItems: " items",
};

const json = (value: unknown): string => {
  const text = JSON.stringify(value) ?? "";
  return text.length > MAX_JSON ? `${text.slice(0, MAX_JSON - 3)}...` : text;
};
const code = (name: string): string => `\`${name}\``;

/** A property's condition: "`kind` is "email"", "`kind` is one of "a", "b"", else undefined. */
function propertyPhrase(name: string, schema: unknown): string | undefined {
  if (!isPlainObject(schema)) return undefined;
  if (schema.const !== undefined) return `${code(name)} is ${json(schema.const)}`;
  if (Array.isArray(schema.enum)) return `${code(name)} is one of ${schema.enum.map(json).join(", ")}`;
  return undefined;
}

/** A subschema as a phrase: "a number", "`kind` is "email"", "give `email`", or its JSON. */
export function sayRule(schema: unknown): string {
  if (schema === false) return "nothing";
  if (!isPlainObject(schema) || isAnyValue(schema)) return "anything";
  const parts: string[] = [];
  let rest = 0;
  for (const [key, value] of Object.entries(schema)) {
    if (key === "type" && typeof value === "string" && ARTICLE[value]) {
      if (Object.keys(schema).length === 1 || value !== "object") parts.unshift(ARTICLE[value]);
    } else if (key === "const") parts.push(`exactly ${json(value)}`);
    else if (key === "enum" && Array.isArray(value)) parts.push(`one of ${value.map(json).join(", ")}`);
    else if (key === "pattern") parts.push(`matching /${String(value)}/`);
    else if (key === "format") parts.push(`format ${String(value)}`);
    else if (BOUNDS[key] !== undefined) parts.push(`${BOUNDS[key]} ${json(value)}${UNITS[key] ?? ""}`);
    else if (key === "required" && Array.isArray(value))
      parts.push(`give ${value.map(String).map(code).join(", ")}`);
    else if (key === "properties" && isPlainObject(value)) {
      const phrases = Object.entries(value).map(([name, child]) => propertyPhrase(name, child));
      if (phrases.every((p) => p !== undefined)) parts.push(...phrases);
      else rest++;
    } else if (key !== "title" && key !== "description") rest++;
  }
  if (rest > 0 || parts.length === 0) return `a value matching ${json(schema)}`;
  const words = typeof schema.description === "string" ? ` (${schema.description})` : "";
  return `${parts.join(", ")}${words}`;
}

/** One sentence per checked-only keyword of `node`, for its description; empty when there is none. */
export function sayChecked(node: Schema): string[] {
  const said: string[] = [];
  if (node.multipleOf !== undefined) said.push(`A multiple of ${node.multipleOf}.`);
  const [min, max] = [node.minProperties, node.maxProperties];
  const properties = (n: unknown) => `${n} ${n === 1 ? "property" : "properties"}`;
  if (min !== undefined && min === max) said.push(`Exactly ${properties(min)}.`);
  else {
    if (min !== undefined) said.push(`At least ${properties(min)}.`);
    if (max !== undefined) said.push(`At most ${properties(max)}.`);
  }
  if (isPlainObject(node.patternProperties)) {
    for (const [pattern, schema] of Object.entries(node.patternProperties)) {
      said.push(`Keys matching /${pattern}/ take ${sayRule(schema)}.`);
    }
  }
  if (node.propertyNames !== undefined) said.push(`Every key: ${sayRule(node.propertyNames)}.`);
  if (isPlainObject(node.dependentRequired)) {
    for (const [name, list] of Object.entries(node.dependentRequired)) {
      said.push(`With ${code(name)}, also give ${(list as string[]).map(code).join(", ")}.`);
    }
  }
  if (isPlainObject(node.dependentSchemas)) {
    for (const [name, rule] of Object.entries(node.dependentSchemas)) {
      said.push(`With ${code(name)}: ${sayRule(rule)}.`);
    }
  }
  if (node.contains !== undefined) {
    const min = node.minContains ?? 1;
    const max = node.maxContains === undefined ? "" : ` and at most ${node.maxContains}`;
    said.push(`At least ${min}${max} items: ${sayRule(node.contains)}.`);
  }
  if (node.not !== undefined) said.push(`${sayNot(node.not)}.`);
  if (node.if !== undefined) {
    const then = node.then === undefined ? "" : `, then ${sayRule(node.then)}`;
    const otherwise = node.else === undefined ? "" : `; otherwise ${sayRule(node.else)}`;
    said.push(`If ${sayRule(node.if)}${then}${otherwise}.`);
  }
  if (node.unevaluatedProperties === false) said.push("No properties other than those described.");
  if (node.unevaluatedItems === false) said.push("No items other than those described.");
  return said;
}

/** `not`: "Do not give `a`" for the common `not: {required: [...]}`, else "Must not be ...". */
function sayNot(schema: unknown): string {
  const names = isPlainObject(schema) && Object.keys(schema).length === 1 ? schema.required : undefined;
  if (Array.isArray(names) && names.length > 0) {
    return `Do not give ${names.map(String).map(code).join(" and ")}${names.length > 1 ? " together" : ""}`;
  }
  return `Must not be ${sayRule(schema)}`;
}

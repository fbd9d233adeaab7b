/**
 * The keyword allow-list. Advertised schemas use these standard JSON Schema keywords and nothing else, in
 * this order; everything else (Membrane's own keywords, `$schema`, `$id`, `$comment`, `readOnly`,
 * `nullable`, ...) is dropped; value-keywords.ts checks the plain-valued ones. The faithful schema also
 * keeps CHECKED_KEYWORDS (checked-keywords.ts), which clients are never shown.
 */

import { isRecord } from "../is-record.js";

/** A JSON Schema node (never a bare boolean once converted). */
export type Schema = Record<string, unknown>;

const KEYWORD_ORDER = [
  "title",
  "description",
  "type",
  "enum",
  "const",
  "format",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "items",
  "minItems",
  "maxItems",
  "uniqueItems",
  "properties",
  "required",
  "additionalProperties",
  "anyOf",
  "oneOf",
  "allOf",
  "default",
  "examples",
] as const;

export const ALLOWED_KEYWORDS: ReadonlySet<string> = new Set(KEYWORD_ORDER);

/**
 * Standard keywords kept in the faithful schema only (checked-keywords.ts), written after the others: no
 * client dialect takes them, so advertise.ts removes them and says them in words.
 */
export const CHECKED_KEYWORDS = [
  "$ref",
  "prefixItems",
  "multipleOf",
  "minProperties",
  "maxProperties",
  "patternProperties",
  "propertyNames",
  "dependentRequired",
  "dependentSchemas",
  "contains",
  "minContains",
  "maxContains",
  "not",
  "if",
  "then",
  "else",
  "unevaluatedProperties",
  "unevaluatedItems",
] as const;
const CHECKED_SET: ReadonlySet<string> = new Set(CHECKED_KEYWORDS);
const CHECKED_MAPS = new Set(["patternProperties", "dependentSchemas"]);
export const JSON_TYPES: ReadonlySet<string> = new Set([
  "string",
  "number",
  "integer",
  "boolean",
  "object",
  "array",
  "null",
]);
/** Keywords that only describe a value; a node made of these alone accepts any value. */
const TEXT_KEYWORDS = new Set(["title", "description", "default", "examples"]);

/** A JSON object, as a schema node (Schema is Record<string, unknown>). */
export const isPlainObject: (value: unknown) => value is Schema = isRecord;

/** True when the node constrains nothing (`{}` or only title/description/default/examples). */
export function isAnyValue(node: Schema): boolean {
  return Object.keys(node).every((key) => TEXT_KEYWORDS.has(key));
}

/** Only the describing keywords of a node: what survives when its constraints cannot be kept. */
export function textOf(node: Schema): Schema {
  const out: Schema = {};
  if (typeof node.title === "string" && node.title.trim()) out.title = node.title;
  if (typeof node.description === "string" && node.description.trim()) out.description = node.description;
  return out;
}

/** Appends a sentence to a description, which may be missing. */
export function withSentence(description: unknown, sentence: string): string {
  const base = typeof description === "string" ? description.trim() : "";
  if (!base) return sentence;
  return /[.!?:]$/.test(base) ? `${base} ${sentence}` : `${base}. ${sentence}`;
}

/** Sets an own property even when the name is `__proto__`: property names are kept as they come. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty only where assignment would not make an own property (it is slow on large objects).
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else target[key] = value;
}

export function uniqueByJson<T>(values: readonly T[]): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const text = JSON.stringify(value) ?? "undefined";
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/** Rewrites a converted schema with its keywords in KEYWORD_ORDER, recursively; property order is kept. */
export function orderKeys(node: Schema): Schema {
  const out: Schema = {};
  for (const key of KEYWORD_ORDER) {
    const value = node[key];
    // `additionalProperties: true` says what JSON Schema assumes anyway; only strict mode needed it.
    if (value === undefined || (key === "additionalProperties" && value === true)) continue;
    if (key === "properties" && isPlainObject(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, isPlainObject(child) ? orderKeys(child) : child]),
      );
    } else if ((key === "items" || key === "additionalProperties") && isPlainObject(value)) {
      out[key] = orderKeys(value);
    } else if ((key === "anyOf" || key === "oneOf" || key === "allOf") && Array.isArray(value)) {
      out[key] = value.map((child) => (isPlainObject(child) ? orderKeys(child) : child));
    } else {
      out[key] = value;
    }
  }
  // Faithful schema only (a tuple's positions, checked-keywords.ts): advertise.ts removes them. Most nodes
  // have none, so the node's own few keys are looked at first (this runs for every node, and is hot).
  let checked = false;
  for (const key in node) if (CHECKED_SET.has(key)) checked = true;
  if (!checked) return out;
  const order = (child: unknown) => (isPlainObject(child) ? orderKeys(child) : child);
  for (const key of CHECKED_KEYWORDS) {
    const value = node[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) out[key] = value.map(order);
    else if (key === "dependentRequired") out[key] = value;
    else if (CHECKED_MAPS.has(key) && isPlainObject(value)) {
      const map: Schema = {};
      for (const [name, child] of Object.entries(value)) setOwn(map, name, order(child));
      out[key] = map;
    } else out[key] = order(value);
  }
  return out;
}

/** `path` as shown to people: "`a.b[]`", or "the input" at the root. */
export function showPath(path: string): string {
  return path ? `\`${path}\`` : "the input";
}

export function childPath(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

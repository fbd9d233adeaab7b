/**
 * The plain-valued keywords (numbers, strings, enum, const, default and example values) of a node, checked
 * so that a malformed one is dropped instead of breaking a client or Ajv, and Membrane formulas are never
 * offered as values.
 */
import { isPlainObject, type Schema, textOf, uniqueByJson, withSentence } from "./keywords.js";
import { isLinearPattern } from "./regex.js";

/** Membrane formulas are objects with a single `$`-prefixed key, such as `{"$var": "$.user.email"}`. */
function containsFormula(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsFormula);
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0]!.startsWith("$")) return true;
  return Object.values(value).some(containsFormula);
}

function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, "u"); // clients compile patterns with the unicode flag
    return true;
  } catch {
    return false;
  }
}

const isNonNegativeInteger = (v: unknown): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0;
const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
/** A value the schema may offer as an example or default: no formulas, no null. */
const isPlainValue = (v: unknown): boolean => v !== null && v !== undefined && !containsFormula(v);

/** Copies the keywords whose value is a plain value (not a subschema), dropping malformed ones. */
export function copyValueKeywords(node: Schema, out: Schema, note: (sentence: string) => void): void {
  Object.assign(out, textOf(node));
  if (typeof node.format === "string" && node.format) out.format = node.format;
  if (typeof node.pattern === "string") {
    if (!isValidRegex(node.pattern)) note(`had an invalid pattern, which was dropped`);
    else if (isLinearPattern(node.pattern)) out.pattern = node.pattern;
    else {
      // Lookaround or backreferences: no linear-time engine runs it, so it is only shown, never checked.
      out.description = withSentence(out.description, `Pattern (not checked): ${node.pattern}`);
      note(`has a pattern that cannot be checked in linear time; it is described, not enforced`);
    }
  }
  for (const key of ["minLength", "maxLength", "minItems", "maxItems"] as const) {
    const value = node[key];
    if (isNonNegativeInteger(value) && !(key.startsWith("min") && value === 0)) out[key] = value;
  }
  for (const key of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] as const) {
    // zod writes +-MAX_SAFE_INTEGER bounds on every integer: they say nothing, so they are left out.
    const value = node[key];
    if (isFiniteNumber(value) && Math.abs(value) !== Number.MAX_SAFE_INTEGER) out[key] = value;
  }
  // Draft-04 wrote exclusive bounds as booleans next to minimum/maximum.
  if (node.exclusiveMinimum === true && isFiniteNumber(node.minimum)) {
    out.exclusiveMinimum = node.minimum;
    delete out.minimum;
  }
  if (node.exclusiveMaximum === true && isFiniteNumber(node.maximum)) {
    out.exclusiveMaximum = node.maximum;
    delete out.maximum;
  }
  if (node.uniqueItems === true) out.uniqueItems = true;
  if (Array.isArray(node.enum)) {
    // null stays: Customer.io removes an attribute set to null, and Membrane passes it on.
    const values = uniqueByJson(node.enum.filter((v) => v === null || isPlainValue(v)));
    if (values.length > 0) out.enum = values;
  }
  if (node.const === null || isPlainValue(node.const)) out.const = node.const;
  if (isPlainValue(node.default)) out.default = node.default;
  if (Array.isArray(node.examples)) {
    const examples = node.examples.filter(isPlainValue);
    if (examples.length > 0) out.examples = examples;
  }
}

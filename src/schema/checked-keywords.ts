/**
 * The standard keywords that no client dialect can be shown (`if`/`then`/`else`, `not`, `dependentRequired`
 * and draft-07 `dependencies`, `patternProperties`, `propertyNames`, `contains`, `multipleOf`,
 * `minProperties`/`maxProperties`, `unevaluatedProperties`, ...). They are kept in the faithful schema, so
 * Ajv still refuses what breaks them, and advertise.ts takes them out of what clients see and says them in
 * the description instead (rule-words.ts). Dropping them silently let most invalid inputs through (#19).
 */
import type { ConvertContext, ConvertNode } from "./convert-context.js";
import { isPlainObject, type Schema, setOwn, showPath } from "./keywords.js";
import { isLinearPattern } from "./regex.js";

/** The keywords read here, as an input schema spells them (draft-07's `dependencies` too). */
const INPUT_KEYWORDS: ReadonlySet<string> = new Set([
  "multipleOf",
  "minProperties",
  "maxProperties",
  "minContains",
  "maxContains",
  "propertyNames",
  "contains",
  "not",
  "if",
  "then",
  "else",
  "patternProperties",
  "dependencies",
  "dependentRequired",
  "dependentSchemas",
  "unevaluatedProperties",
  "unevaluatedItems",
]);
const COUNTS = ["minProperties", "maxProperties", "minContains", "maxContains"] as const;
const SINGLE = ["propertyNames", "contains", "not", "if", "then", "else"] as const;
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const names = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((n) => typeof n === "string") ? (v as string[]) : undefined;

/** Copies (converting subschemas) the checked-only keywords of `node` into `out`. */
export function convertChecked(
  node: Schema,
  out: Schema,
  ctx: ConvertContext,
  path: string,
  depth: number,
  convert: ConvertNode,
): void {
  let any = false;
  for (const key in node) if (INPUT_KEYWORDS.has(key)) any = true;
  if (!any) return; // most nodes: this runs for every one
  const sub = (value: unknown): Schema | false => convert(value, ctx, path, depth + 1) ?? false;
  if (typeof node.multipleOf === "number" && node.multipleOf > 0) out.multipleOf = node.multipleOf;
  for (const key of COUNTS) if (isCount(node[key])) out[key] = node[key];
  for (const key of SINGLE) {
    if (node[key] === undefined || ((key === "then" || key === "else") && node.if === undefined)) continue;
    out[key] = sub(node[key]);
  }
  if (isPlainObject(node.patternProperties)) {
    const map: Schema = {};
    for (const [pattern, child] of Object.entries(node.patternProperties)) {
      if (isLinearPattern(pattern)) setOwn(map, pattern, sub(child));
      else ctx.notes.push(`${showPath(path)} has a key pattern that cannot be checked in linear time`);
    }
    out.patternProperties = map;
  }
  const required: Schema = {};
  const schemas: Schema = {};
  for (const source of [node.dependencies, node.dependentRequired, node.dependentSchemas]) {
    if (!isPlainObject(source)) continue;
    for (const [name, rule] of Object.entries(source)) {
      const list = names(rule);
      if (list) setOwn(required, name, list);
      else if (typeof rule === "boolean" || isPlainObject(rule)) setOwn(schemas, name, sub(rule));
    }
  }
  if (Object.keys(required).length > 0) out.dependentRequired = required;
  if (Object.keys(schemas).length > 0) out.dependentSchemas = schemas;
  for (const key of ["unevaluatedProperties", "unevaluatedItems"] as const) {
    if (node[key] !== undefined) out[key] = sub(node[key]);
  }
}

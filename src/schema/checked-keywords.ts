/**
 * The standard keywords that no client dialect can be shown (`if`/`then`/`else`, `not`, `dependentRequired`
 * and draft-07 `dependencies`, `patternProperties`, `propertyNames`, `contains`, `multipleOf`,
 * `minProperties`/`maxProperties`, `unevaluatedProperties`, ...). They are kept in the faithful schema, so
 * Ajv still refuses what breaks them, and advertise.ts takes them out of what clients see and says them in
 * the description instead (`sayChecked`). Dropping them silently let most invalid inputs through (#19).
 */
import type { ConvertContext, convertNode } from "./convert.js";
import { isPlainObject, type Schema, setOwn, showPath } from "./keywords.js";
import { isLinearPattern } from "./regex.js";

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
  convert: typeof convertNode,
): void {
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

const brief = (value: unknown): string => {
  const text = JSON.stringify(value) ?? "";
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

/** One sentence per checked-only keyword of `node`, for its description; empty when there is none. */
export function sayChecked(node: Schema): string[] {
  const said: string[] = [];
  if (node.multipleOf !== undefined) said.push(`A multiple of ${node.multipleOf}.`);
  if (node.minProperties !== undefined) said.push(`At least ${node.minProperties} properties.`);
  if (node.maxProperties !== undefined) said.push(`At most ${node.maxProperties} properties.`);
  if (isPlainObject(node.patternProperties)) {
    for (const [pattern, schema] of Object.entries(node.patternProperties)) {
      said.push(`Keys matching /${pattern}/ take: ${brief(schema)}.`);
    }
  }
  if (node.propertyNames !== undefined) said.push(`Key names must match: ${brief(node.propertyNames)}.`);
  if (isPlainObject(node.dependentRequired)) {
    for (const [name, list] of Object.entries(node.dependentRequired)) {
      said.push(`With \`${name}\`, also give ${(list as string[]).map((n) => `\`${n}\``).join(", ")}.`);
    }
  }
  if (isPlainObject(node.dependentSchemas)) {
    for (const [name, rule] of Object.entries(node.dependentSchemas)) {
      said.push(`With \`${name}\`, the input must also match: ${brief(rule)}.`);
    }
  }
  if (node.contains !== undefined) {
    const min = node.minContains ?? 1;
    const max = node.maxContains === undefined ? "" : ` and at most ${node.maxContains}`;
    said.push(`At least ${min}${max} items must match: ${brief(node.contains)}.`);
  }
  if (node.not !== undefined) said.push(`Must not match: ${brief(node.not)}.`);
  if (node.if !== undefined) {
    const then = node.then === undefined ? "" : ` then it must match ${brief(node.then)}`;
    const otherwise = node.else === undefined ? "" : `; otherwise ${brief(node.else)}`;
    said.push(`If the value matches ${brief(node.if)},${then}${otherwise}.`);
  }
  if (node.unevaluatedProperties === false) said.push("No properties other than those described.");
  if (node.unevaluatedItems === false) said.push("No items other than those described.");
  return said;
}

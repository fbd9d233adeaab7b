/**
 * `anyOf`, `oneOf` and `allOf` below the root. `oneOf` becomes `anyOf` (the same alternatives, without the
 * "exactly one" rule that OpenAI strict mode and several clients do not support); null alternatives are
 * dropped like `null` in type arrays; a single alternative, or an `allOf` of objects, is folded into the
 * node. Also the helper that merges object alternatives into one object (used at the root and for Gemini).
 */
import type { ConvertContext } from "./convert.js";
import { convertNode, showPath } from "./convert.js";
import { isAnyValue, isPlainObject, type Schema, setOwn, uniqueByJson } from "./keywords.js";

const isNullOnly = (s: Schema): boolean => s.type === "null" && Object.keys(s).every((k) => k !== "enum");

export function convertCombinators(
  node: Schema,
  out: Schema,
  ctx: ConvertContext,
  path: string,
  depth: number,
): void {
  const convertAll = (list: unknown): Schema[] | undefined => {
    if (!Array.isArray(list) || list.length === 0) return undefined;
    const converted = list.map((member) => convertNode(member, ctx, path, depth + 1));
    return converted.filter((member): member is Schema => member !== undefined);
  };
  const anyOf = convertAll(node.anyOf);
  const oneOf = convertAll(node.oneOf);
  if (anyOf && oneOf) ctx.notes.push(`${showPath(path)} had both anyOf and oneOf; only anyOf was kept`);
  const alternatives = anyOf ?? oneOf;
  if (alternatives) {
    const kept = uniqueByJson(alternatives.filter((alt) => !isNullOnly(alt)));
    if (kept.length > 0 && !kept.some(isAnyValue)) {
      const only = kept[0];
      if (!(kept.length === 1 && only && mergeInto(out, only))) out.anyOf = kept;
    }
  }
  const allOf = convertAll(node.allOf);
  if (allOf) {
    const rest = allOf.filter((member) => !isAnyValue(member) && !mergeInto(out, member));
    if (rest.length > 0) out.allOf = rest;
  }
}

/**
 * Folds `member` into `node` when no keyword conflicts (both must hold, so the result means the same);
 * `properties` are united and `required` joined. Returns false, leaving `node` untouched, on a conflict.
 */
export function mergeInto(node: Schema, member: Schema): boolean {
  for (const [key, value] of Object.entries(member)) {
    if (!(key in node) || key === "title" || key === "description" || key === "required") continue;
    if (key === "properties" && isPlainObject(value) && isPlainObject(node.properties)) {
      const ours = node.properties;
      if (Object.keys(value).some((name) => Object.hasOwn(ours, name))) return false;
      continue;
    }
    if (JSON.stringify(node[key]) !== JSON.stringify(value)) return false;
  }
  for (const [key, value] of Object.entries(member)) {
    if (key === "properties" && isPlainObject(value) && isPlainObject(node.properties)) {
      node.properties = { ...node.properties, ...value };
    } else if (key === "required" && Array.isArray(value)) {
      node.required = [...new Set([...(Array.isArray(node.required) ? node.required : []), ...value])];
    } else if (!(key in node)) {
      node[key] = value;
    }
  }
  return true;
}

/** True for an alternative that can be merged into an object: `type: "object"` or typeless with properties. */
export function isObjectAlternative(alt: Schema): boolean {
  if (alt.anyOf !== undefined || alt.allOf !== undefined) return false;
  return alt.type === "object" || (alt.type === undefined && isPlainObject(alt.properties));
}

/**
 * The properties of several object alternatives as one map: a name shared with different schemas gets
 * an `anyOf` of them (or any value when one of them is unconstrained).
 */
export function mergeAlternativeProperties(base: Schema, alternatives: readonly Schema[]): Schema {
  const variants = new Map<string, Schema[]>();
  for (const source of [base, ...alternatives]) {
    if (!isPlainObject(source.properties)) continue;
    for (const [name, schema] of Object.entries(source.properties)) {
      if (!isPlainObject(schema)) continue;
      const list = variants.get(name) ?? [];
      list.push(schema);
      variants.set(name, list);
    }
  }
  const merged: Schema = {};
  for (const [name, list] of variants) {
    const distinct = uniqueByJson(list);
    const first = distinct[0]!;
    if (distinct.length === 1) setOwn(merged, name, first);
    else if (distinct.some(isAnyValue)) setOwn(merged, name, {});
    else setOwn(merged, name, { anyOf: distinct });
  }
  return merged;
}

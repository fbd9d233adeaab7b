/**
 * `anyOf`, `oneOf` and `allOf` below the root. `oneOf` reads as `anyOf` (as Membrane reads it: the same
 * alternatives, without the "exactly one" rule that OpenAI strict mode and several clients do not
 * support); nested unions are flattened into one list; `[X, null]` folds into a nullable X; a single
 * alternative, or an `allOf` of compatible members, is folded into the node in one linear pass. Also the
 * helper that merges object alternatives into one object (used at the root and for Gemini).
 */
// convert.ts passes its convertNode in: the two files never import each other.
import type { ConvertContext, ConvertNode } from "./convert-context.js";
import { isAnyValue, isPlainObject, type Schema, setOwn, showPath, uniqueByJson } from "./keywords.js";

const isNullOnly = (s: Schema): boolean =>
  s.type === "null" && Object.keys(s).every((k) => k === "type" || k === "title" || k === "description");

/** A node that is nothing but a union (and words): its alternatives can join the parent's list. */
const isBareUnion = (s: Schema): boolean =>
  Array.isArray(s.anyOf) &&
  Object.keys(s).every((k) => k === "anyOf" || k === "title" || k === "description");

function flatten(alternatives: readonly Schema[]): Schema[] {
  const out: Schema[] = [];
  const visit = (alt: Schema) => {
    if (isBareUnion(alt)) for (const inner of alt.anyOf as Schema[]) visit(inner);
    else out.push(alt);
  };
  for (const alt of alternatives) visit(alt);
  return out;
}

/** `[X, null]` where X has a single type: X with `type: [t, "null"]` (and null in its enum). */
function nullableOf(alt: Schema): Schema | undefined {
  if (typeof alt.type !== "string" || alt.type === "null" || alt.anyOf !== undefined) return undefined;
  const out: Schema = { ...alt, type: [alt.type, "null"] };
  if (Array.isArray(alt.enum) && !alt.enum.includes(null)) out.enum = [...alt.enum, null];
  return out;
}

export function convertCombinators(
  node: Schema,
  out: Schema,
  ctx: ConvertContext,
  path: string,
  depth: number,
  convert: ConvertNode,
): void {
  const convertAll = (list: unknown): Schema[] | undefined => {
    if (!Array.isArray(list) || list.length === 0) return undefined;
    const converted = list.map((member) => convert(member, ctx, path, depth + 1));
    return converted.filter((member): member is Schema => member !== undefined);
  };
  const anyOf = convertAll(node.anyOf);
  const oneOf = convertAll(node.oneOf);
  if (anyOf && oneOf) ctx.notes.push(`${showPath(path)} had both anyOf and oneOf; only anyOf was kept`);
  const alternatives = anyOf ?? oneOf;
  if (alternatives) {
    const kept = uniqueByJson(flatten(alternatives));
    if (kept.length > 0 && !kept.some(isAnyValue)) {
      const nonNull = kept.filter((alt) => !isNullOnly(alt));
      const folded =
        kept.length === 1
          ? kept[0]
          : kept.length === 2 && nonNull.length === 1 && nonNull[0]
            ? nullableOf(nonNull[0])
            : undefined;
      if (!(folded && mergeAll(out, [folded]).length === 0)) out.anyOf = kept;
    }
  }
  const allOf = convertAll(node.allOf);
  if (allOf) {
    const rest = mergeAll(
      out,
      allOf.filter((member) => !isAnyValue(member)),
    );
    if (rest.length > 0) out.allOf = rest;
  }
}

const WORDS = new Set(["title", "description"]);

/**
 * Folds each member into `node` when none of its keywords conflicts with what `node` already has (both
 * must hold, so the result means the same): `properties` with distinct names are united, `required` is
 * joined. Returns the members that could not be folded. Linear in the members' size: each keyword value
 * is serialized once, properties and required names are collected in place.
 */
function mergeAll(node: Schema, members: readonly Schema[]): Schema[] {
  const texts = new Map<string, string>();
  const serialized = (key: string) => {
    let text = texts.get(key);
    if (text === undefined) {
      text = JSON.stringify(node[key]);
      texts.set(key, text);
    }
    return text;
  };
  const properties = new Map<string, unknown>(); // a Map: large objects are slow to grow one key at a time
  let ownProperties = false;
  if (isPlainObject(node.properties)) {
    for (const [name, value] of Object.entries(node.properties)) properties.set(name, value);
    ownProperties = true;
  }
  const required = new Set<string>(Array.isArray(node.required) ? node.required.map(String) : []);
  const rest: Schema[] = [];
  for (const member of members) {
    const fits = Object.entries(member).every(([key, value]) => {
      if (key === "properties" && isPlainObject(value)) {
        return Object.keys(value).every((name) => !properties.has(name));
      }
      if (!(key in node) || WORDS.has(key) || key === "required") return true;
      return serialized(key) === JSON.stringify(value);
    });
    if (!fits) {
      rest.push(member);
      continue;
    }
    for (const [key, value] of Object.entries(member)) {
      if (key === "properties" && isPlainObject(value)) {
        for (const [name, schema] of Object.entries(value)) properties.set(name, schema);
        ownProperties = true;
      } else if (key === "required" && Array.isArray(value)) {
        for (const name of value) required.add(String(name));
      } else if (!(key in node)) {
        node[key] = value;
        texts.delete(key);
      }
    }
  }
  if (ownProperties) node.properties = Object.fromEntries(properties); // own keys, even "__proto__"
  if (required.size > 0) node.required = [...required];
  return rest;
}

/** Folds one member into `node`; false (and `node` untouched but for words) on a conflict. */
export function mergeInto(node: Schema, member: Schema): boolean {
  return mergeAll(node, [member]).length === 0;
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

/**
 * Converts one node of Membrane's DataSchema into a clean JSON Schema node: standard keywords only, `$ref`s
 * resolved (refs.ts; a `$ref`'s sibling keywords apply too; a recursion cut short is checked through
 * `$defs`), `referenceRecords` pick-lists turned into enums (unless `allowCustom`), `null` kept where the
 * schema allows it (type arrays, `nullable`, enums), arrays given `items` (arrays.ts), read-only
 * properties left out. Its output is the faithful schema: what Membrane checks, used to validate every
 * input, with the keywords no client is shown (checked-keywords.ts) and `false` properties kept.
 * `required` is kept as written here (a name may sit in another allOf/anyOf member than its property);
 * required.ts prunes what names nothing. It knows nothing of the root or of client profiles.
 */
import { convertArray } from "./arrays.js";
import { convertChecked } from "./checked-keywords.js";
import { convertCombinators, mergeInto } from "./combinators.js";
import type { ConvertContext } from "./convert-context.js";
import {
  childPath,
  isAnyValue,
  isPlainObject,
  JSON_TYPES,
  type Schema,
  setOwn,
  showPath,
  textOf,
  uniqueByJson,
  withSentence,
} from "./keywords.js";
import { convertPickList } from "./pick-list.js";
import { overlay } from "./refs.js";
import { copyValueKeywords } from "./value-keywords.js";

export type { ConvertContext } from "./convert-context.js";

const MAX_DEPTH = 24;

/** Returns `undefined` for a schema that accepts no value at all (`false`). */
export function convertNode(
  node: unknown,
  ctx: ConvertContext,
  path: string,
  depth: number,
): Schema | undefined {
  if (node === false) return undefined;
  if (!isPlainObject(node)) return {}; // true, null, or something that is not a schema: any value
  ctx.budget -= 1;
  if (depth > MAX_DEPTH || ctx.budget < 0) {
    ctx.notes.push(`${showPath(path)} is nested too deeply to describe: any value is accepted`);
    return textOf(node);
  }
  if (typeof node.$ref === "string") return convertRef(node, node.$ref, ctx, path, depth);
  const out: Schema = {};
  copyValueKeywords(node, out, (sentence) => ctx.notes.push(`${showPath(path)} ${sentence}`));
  convertType(node, out);
  convertPickList(node, out);
  convertObject(node, out, ctx, path, depth);
  convertArray(node, out, ctx, path, depth, convertNode);
  convertCombinators(node, out, ctx, path, depth, convertNode);
  convertChecked(node, out, ctx, path, depth, convertNode);
  if (out.type === undefined && out.anyOf === undefined && out.allOf === undefined) {
    const keyed = out.patternProperties !== undefined || out.propertyNames !== undefined;
    if (out.properties !== undefined || out.additionalProperties !== undefined || keyed) out.type = "object";
    else if (out.items !== undefined) out.type = "array";
  }
  if (isArrayType(out.type) && out.items === undefined) out.items = {};
  return out;
}

function convertRef(
  node: Schema,
  ref: string,
  ctx: ConvertContext,
  path: string,
  depth: number,
): Schema | undefined {
  const { $ref: _ref, ...siblings } = node;
  const found = ctx.refs.resolve(ref);
  if (found.kind === "external") {
    ctx.notes.push(`${showPath(path)} refers to Membrane schema "${found.name}": any value accepted`);
    const text = textOf(siblings);
    return {
      ...text,
      description: withSentence(text.description, `Any JSON value (Membrane schema "${found.name}").`),
    };
  }
  if (found.kind === "missing") {
    ctx.notes.push(`${showPath(path)} points to a missing definition "${ref}": any value accepted`);
    return textOf(siblings);
  }
  if (!ctx.refs.canEnter(ref)) {
    ctx.notes.push(`${showPath(path)} repeats the recursive definition "${ref}": shown only in part`);
    let name = ctx.cuts.get(ref);
    if (name === undefined) {
      name = `cut${ctx.cuts.size}`;
      ctx.cuts.set(ref, name);
    }
    // Shown: the definition's own type and bounds; checked: all of it, through the faithful `$defs`.
    return { ...shallow(overlay(found.target, siblings)), $ref: `#/$defs/${name}` };
  }
  if (isAnyValue(siblings)) {
    return ctx.refs.within(ref, () => convertNode(overlay(found.target, siblings), ctx, path, depth + 1));
  }
  // 2020-12 applies a $ref and the keywords beside it, both (a sibling used to replace the target's).
  const target = ctx.refs.within(ref, () => convertNode(found.target, ctx, path, depth + 1));
  const own = convertNode(siblings, ctx, path, depth + 1);
  if (target === undefined || own === undefined) return undefined;
  const merged: Schema = { ...target, ...textOf(siblings) };
  return mergeInto(merged, own) ? merged : { ...textOf(siblings), allOf: [target, own] };
}

/** Where a recursive definition is cut short, what clients are shown: its type and bounds, no subschemas. */
function shallow(node: unknown): Schema {
  if (!isPlainObject(node)) return {};
  const out: Schema = {};
  copyValueKeywords(node, out, () => {});
  convertType(node, out);
  for (const key of ["minProperties", "maxProperties", "multipleOf"]) {
    if (typeof node[key] === "number") out[key] = node[key];
  }
  if (isArrayType(out.type) || Array.isArray(out.anyOf)) out.items = {};
  return out;
}

/** `type` as a string, or `[t, "null"]` for a nullable one; several types become an `anyOf`. */
function convertType(node: Schema, out: Schema): void {
  const raw = typeof node.type === "string" ? [node.type] : Array.isArray(node.type) ? node.type : [];
  const known = raw.filter((t): t is string => typeof t === "string" && JSON_TYPES.has(t));
  let types = uniqueByJson(known.filter((t) => t !== "null"));
  if (types.includes("number")) types = types.filter((t) => t !== "integer");
  // OpenAPI's `nullable: true` (Membrane accepts it) means the same as a "null" in the type array.
  // So does a null listed in the enum: the author meant it to be sent.
  const listsNull = Array.isArray(node.enum) && node.enum.includes(null);
  const withNull = known.includes("null") || ((node.nullable === true || listsNull) && types.length > 0);
  if (withNull && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (types.length === 1) out.type = withNull ? [types[0], "null"] : types[0];
  else if (types.length > 1 && node.anyOf === undefined && node.oneOf === undefined) {
    const anyOf: Schema[] = types.map((type) => (type === "array" ? { type, items: {} } : { type }));
    if (withNull) anyOf.push({ type: "null" });
    out.anyOf = anyOf;
  } else if (types.length === 0 && withNull) out.type = "null";
}

const isArrayType = (type: unknown): boolean =>
  type === "array" || (Array.isArray(type) && type.includes("array"));

function convertObject(node: Schema, out: Schema, ctx: ConvertContext, path: string, depth: number): void {
  const wanted =
    typeof node.required === "string" ? [node.required] : Array.isArray(node.required) ? node.required : [];
  const required = new Set(wanted.filter((name): name is string => typeof name === "string"));
  if (isPlainObject(node.properties)) {
    const properties: Schema = {};
    for (const [name, child] of Object.entries(node.properties)) {
      const where = childPath(path, name);
      if (isPlainObject(child) && child.readOnly === true) {
        ctx.notes.push(`${showPath(where)} is read-only and was left out`);
        continue;
      }
      if (isPlainObject(child) && child.required === true) required.add(name); // draft-03 style
      const converted = convertNode(child, ctx, where, depth + 1);
      if (converted === undefined) ctx.notes.push(`${showPath(where)} accepts no value: it must be left out`);
      setOwn(properties, name, converted ?? false); // `false` stays in the faithful schema: it is checked
    }
    out.properties = properties;
  }
  // Kept even when the property sits in another allOf/anyOf member; required.ts prunes unknown names.
  if (required.size > 0) out.required = [...required];
  const extra = node.additionalProperties;
  if (extra === false) out.additionalProperties = false;
  else if (extra === true)
    out.additionalProperties = true; // said explicitly: strict mode keeps it open
  else if (isPlainObject(extra)) {
    const converted = convertNode(extra, ctx, childPath(path, "*"), depth + 1);
    if (converted === undefined) out.additionalProperties = false;
    else out.additionalProperties = isAnyValue(converted) ? true : converted;
  }
}

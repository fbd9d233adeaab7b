/**
 * `items`, and tuples in both spellings: draft-07's `items: [...]` (with `additionalItems`) and 2020-12's
 * `prefixItems` (with `items`). A closed tuple (`items: false`, `additionalItems: false`) takes at most
 * as many elements as it lists; positions stay in the faithful schema (advertise.ts shows their union).
 */
// convert.ts passes its convertNode in: the two files never import each other.
import type { ConvertContext, ConvertNode } from "./convert-context.js";
import { isPlainObject, type Schema, showPath } from "./keywords.js";

export function convertArray(
  node: Schema,
  out: Schema,
  ctx: ConvertContext,
  path: string,
  depth: number,
  convertNode: ConvertNode,
): void {
  const where = `${path}[]`;
  if (Array.isArray(node.prefixItems) && !Array.isArray(node.items)) {
    // 2020-12 tuples: `items` then holds the elements after the listed positions (`false`: none).
    if (node.prefixItems.length > 0) {
      out.prefixItems = node.prefixItems.map((item) => convertNode(item, ctx, where, depth + 1) ?? false);
    }
    if (node.items === false) {
      capItems(out, node.prefixItems.length);
      out.items = {};
    } else out.items = convertNode(node.items, ctx, where, depth + 1) ?? {};
    return;
  }
  const items = node.items;
  if (items === undefined) return;
  if (items === false) {
    out.items = {};
    out.maxItems = 0;
  } else if (Array.isArray(items)) {
    // Tuples (draft-07 `items: [...]`): position i takes the i-th schema, later elements what
    // `additionalItems` says (anything without it): 2020-12's prefixItems. advertise.ts shows the union.
    // (An empty list constrains nothing, and 2020-12 wants at least one prefixItems entry.)
    if (items.length > 0)
      out.prefixItems = items.map((item) => convertNode(item, ctx, where, depth + 1) ?? false);
    out.items = {};
    if (node.additionalItems === false) capItems(out, items.length);
    else if (isPlainObject(node.additionalItems)) {
      out.items = convertNode(node.additionalItems, ctx, where, depth + 1) ?? {};
    }
    ctx.notes.push(`${showPath(path)} is a tuple: element i takes the i-th listed kind`);
  } else {
    out.items = convertNode(items, ctx, where, depth + 1) ?? {};
  }
}

/** At most `count` elements (a closed tuple), keeping a tighter `maxItems`. */
function capItems(out: Schema, count: number): void {
  out.maxItems = typeof out.maxItems === "number" ? Math.min(out.maxItems, count) : count;
}

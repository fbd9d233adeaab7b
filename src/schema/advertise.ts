/**
 * From the faithful schema (convert.ts) to the one clients are shown. Two changes, both undone on the way
 * in by the decoder it returns:
 * - property keys the profile's clients refuse (property-keys.ts) are renamed, also inside the values of
 *   `additionalProperties`; Membrane still receives the original keys;
 * - `required` stays only where the node declares the property itself, and a combinator member left
 *   saying nothing is dropped (the faithful schema still checks those rules).
 * Keywords no client takes (checked-keywords.ts) are said in the description instead, as are `false`
 * properties (never to be sent) and placeholder keys (`<file-name>`: any key) of an open object.
 */

import type { Decoder, PropertyDecoder } from "./decode.js";
import {
  CHECKED_KEYWORDS,
  childPath,
  isAnyValue,
  isPlainObject,
  type Schema,
  setOwn,
  showPath,
  uniqueByJson,
  withSentence,
} from "./keywords.js";
import { isPlaceholderKey, isSafeKey, type KeyRule, keyRule, safeKey } from "./property-keys.js";
import { ownRequiredOnly } from "./required.js";
import { sayChecked, sayRule } from "./rule-words.js";

export interface Advertised {
  schema: Schema;
  /** Maps renamed keys back; `null` when nothing was renamed. */
  decoder: Decoder;
  /** The node's rules that no client is shown, in words (also in its description). */
  said: string[];
}

function mergeObjectDecoders(decoders: readonly Decoder[]): Decoder {
  const merged = new Map<string, PropertyDecoder>();
  let others: Decoder = null;
  for (const decoder of decoders) {
    if (decoder?.kind !== "object") continue;
    for (const [name, entry] of decoder.properties) if (!merged.has(name)) merged.set(name, entry);
    others ??= decoder.others ?? null;
  }
  if (others !== null) return { kind: "object", properties: merged, others };
  return merged.size > 0 ? { kind: "object", properties: merged } : null;
}

/** `rule`: the property keys the profile's clients take (property-keys.ts). */
export function advertise(
  node: Schema,
  path: string,
  notes: string[],
  rule: KeyRule = keyRule("default"),
): Advertised {
  const out = ownRequiredOnly(node);
  const said = sayChecked(node);
  for (const key of CHECKED_KEYWORDS) if (key in out) delete out[key]; // (delete is slow: only when there)
  // Keys matching a pattern are allowed even where other keys are not: the faithful check sorts them.
  if (node.patternProperties !== undefined && out.additionalProperties === false)
    delete out.additionalProperties;
  const decoders: Decoder[] = [];
  let own: Decoder = null;
  let others: Decoder = null;
  if (isPlainObject(node.properties)) {
    const taken = new Set(Object.keys(node.properties).filter((key) => isSafeKey(key, rule)));
    const renames = new Map<string, string>();
    const hidden = new Set<string>();
    const properties: Schema = {};
    const entries = new Map<string, PropertyDecoder>();
    for (const [key, child] of Object.entries(node.properties)) {
      let name = key;
      if (child === false) {
        hidden.add(key);
        said.push(`Never give \`${key}\`.`);
        continue;
      }
      const inner = advertise(isPlainObject(child) ? child : {}, childPath(path, key), notes, rule);
      if (isPlaceholderKey(key) && node.additionalProperties !== false) {
        hidden.add(key);
        said.push(`Any key (such as "${key}") may be given, taking ${sayRule(inner.schema)}.`);
        continue;
      }
      let schema = inner.schema;
      if (!isSafeKey(key, rule)) {
        name = safeKey(key, taken, rule);
        taken.add(name);
        renames.set(key, name);
        schema = { ...schema, description: withSentence(schema.description, `Sent as "${key}".`) };
        notes.push(`${showPath(childPath(path, key))} is named \`${name}\` for clients that refuse that key`);
      }
      setOwn(properties, name, schema);
      if (inner.decoder !== null || name !== key) {
        entries.set(name, {
          decoder: inner.decoder,
          optional: false,
          ...(name !== key && { original: key }),
        });
      }
    }
    out.properties = properties;
    if (Array.isArray(out.required)) {
      const kept = out.required.filter((n) => !hidden.has(String(n)));
      if (kept.length > 0) out.required = kept.map((n) => renames.get(String(n)) ?? n);
      else delete out.required;
    }
    if (entries.size > 0) own = { kind: "object", properties: entries };
  }
  let itemsNode = node.items;
  if (Array.isArray(node.prefixItems)) {
    // A tuple (convert.ts): clients are shown one item schema, any of the positions' kinds; the faithful
    // check keeps the positions.
    delete out.prefixItems;
    // The elements after the listed positions take `items` (when it says anything).
    const after = isPlainObject(node.items) && !isAnyValue(node.items) ? [node.items] : [];
    const kinds = uniqueByJson([...node.prefixItems.filter(isPlainObject), ...after]);
    itemsNode =
      kinds.length === 1 ? kinds[0] : kinds.length === 0 || kinds.some(isAnyValue) ? {} : { anyOf: kinds };
    const order = node.prefixItems.map((k) =>
      isPlainObject(k) && typeof k.type === "string" ? k.type : "any",
    );
    out.description = withSentence(out.description, `A tuple, in this order: ${order.join(", ")}.`);
  }
  if (isPlainObject(itemsNode)) {
    const items = advertise(itemsNode, `${path}[]`, notes, rule);
    out.items = items.schema;
    if (items.decoder !== null) decoders.push({ kind: "array", items: items.decoder });
  }
  if (isPlainObject(node.additionalProperties)) {
    const extra = advertise(node.additionalProperties, childPath(path, "*"), notes, rule);
    out.additionalProperties = extra.schema;
    others = extra.decoder; // the renamed keys inside each other property's value
  }
  for (const key of ["anyOf", "allOf"] as const) {
    const list = node[key];
    if (!Array.isArray(list)) continue;
    const members = list.filter(isPlainObject).map((member) => advertise(member, path, notes, rule));
    const kept = members.filter((m) => !isAnyValue(m.schema));
    if (key === "anyOf" && kept.length < members.length)
      delete out.anyOf; // one member accepts anything
    else if (kept.length === 0) delete out[key];
    else out[key] = kept.map((m) => m.schema);
    for (const m of kept) decoders.push(m.decoder);
  }
  if (others !== null)
    own = { kind: "object", properties: own?.kind === "object" ? own.properties : new Map(), others };
  if (said.length > 0) out.description = withSentence(out.description, said.join(" "));
  const decoder = decoders.some((d) => d?.kind === "array")
    ? (decoders.find((d) => d?.kind === "array") ?? null)
    : mergeObjectDecoders([own, ...decoders]);
  return { schema: out, decoder, said };
}

/**
 * From the faithful schema (convert.ts) to the one clients are shown. Two changes, both undone on the way
 * in by the decoder it returns:
 * - property keys a target client refuses (Anthropic's API rejects a whole request for a key outside
 *   `^[a-zA-Z0-9_.-]{1,64}$`) or that name a prototype member (`constructor` made the MCP SDK client reject
 *   the entire tools/list) are renamed; Membrane still receives the original keys;
 * - `required` stays only where the node declares the property itself, and a combinator member left
 *   saying nothing is dropped (the faithful schema still checks those rules).
 */

import type { Decoder } from "./decode.js";
import {
  childPath,
  isAnyValue,
  isPlainObject,
  type Schema,
  setOwn,
  showPath,
  uniqueByJson,
  withSentence,
} from "./keywords.js";
import { ownRequiredOnly } from "./required.js";

const CLIENT_KEY = /^[a-zA-Z0-9_.-]{1,64}$/;

/** True for a key every target client takes as a property name. */
export function isSafeKey(key: string): boolean {
  return CLIENT_KEY.test(key) && !(key in Object.prototype) && key !== "prototype";
}

function safeKey(key: string, taken: Set<string>): string {
  let base =
    key
      .replace(/[^a-zA-Z0-9_.-]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 60) || "property";
  if (!isSafeKey(base)) base = `${base.slice(0, 59)}_`;
  let name = base;
  for (let n = 2; taken.has(name) || !isSafeKey(name); n++) name = `${base}_${n}`;
  return name;
}

export interface Advertised {
  schema: Schema;
  /** Maps renamed keys back; `null` when nothing was renamed. */
  decoder: Decoder;
}

function mergeObjectDecoders(decoders: readonly Decoder[]): Decoder {
  const merged = new Map<string, { decoder: Decoder; optional: boolean; original?: string }>();
  for (const decoder of decoders) {
    if (decoder?.kind !== "object") continue;
    for (const [name, entry] of decoder.properties) if (!merged.has(name)) merged.set(name, entry);
  }
  return merged.size > 0 ? { kind: "object", properties: merged } : null;
}

export function advertise(node: Schema, path: string, notes: string[]): Advertised {
  const out = ownRequiredOnly(node);
  const decoders: Decoder[] = [];
  let own: Decoder = null;
  if (isPlainObject(node.properties)) {
    const taken = new Set(Object.keys(node.properties).filter(isSafeKey));
    const renames = new Map<string, string>();
    const properties: Schema = {};
    const entries = new Map<string, { decoder: Decoder; optional: boolean; original?: string }>();
    for (const [key, child] of Object.entries(node.properties)) {
      let name = key;
      const inner = advertise(isPlainObject(child) ? child : {}, childPath(path, key), notes);
      let schema = inner.schema;
      if (!isSafeKey(key)) {
        name = safeKey(key, taken);
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
    if (Array.isArray(out.required)) out.required = out.required.map((n) => renames.get(String(n)) ?? n);
    if (entries.size > 0) own = { kind: "object", properties: entries };
  }
  let itemsNode = node.items;
  if (Array.isArray(node.prefixItems)) {
    // A tuple (convert.ts): clients are shown one item schema, any of the positions' kinds; the faithful
    // check keeps the positions.
    delete out.prefixItems;
    const kinds = uniqueByJson(node.prefixItems.filter(isPlainObject));
    itemsNode =
      kinds.length === 1 ? kinds[0] : kinds.length === 0 || kinds.some(isAnyValue) ? {} : { anyOf: kinds };
    const order = node.prefixItems.map((k) =>
      isPlainObject(k) && typeof k.type === "string" ? k.type : "any",
    );
    out.description = withSentence(out.description, `A tuple, in this order: ${order.join(", ")}.`);
  }
  if (isPlainObject(itemsNode)) {
    const items = advertise(itemsNode, `${path}[]`, notes);
    out.items = items.schema;
    if (items.decoder !== null) decoders.push({ kind: "array", items: items.decoder });
  }
  if (isPlainObject(node.additionalProperties)) {
    out.additionalProperties = advertise(node.additionalProperties, childPath(path, "*"), notes).schema;
  }
  for (const key of ["anyOf", "allOf"] as const) {
    const list = node[key];
    if (!Array.isArray(list)) continue;
    const members = list.filter(isPlainObject).map((member) => advertise(member, path, notes));
    const kept = members.filter((m) => !isAnyValue(m.schema));
    if (key === "anyOf" && kept.length < members.length)
      delete out.anyOf; // one member accepts anything
    else if (kept.length === 0) delete out[key];
    else out[key] = kept.map((m) => m.schema);
    for (const m of kept) decoders.push(m.decoder);
  }
  const decoder = decoders.some((d) => d?.kind === "array")
    ? (decoders.find((d) => d?.kind === "array") ?? null)
    : mergeObjectDecoders([own, ...decoders]);
  return { schema: out, decoder };
}

/**
 * `fields: ["a.b", "items.*.email"]` for `run_action` and `proxy_request`: keep only the parts of a result the
 * agent asked for, before the result is measured against --max-output. A Customer.io list of people or a
 * template can be megabytes; an agent that needs one attribute per person should not pay for the rest.
 *
 * Paths are dot-separated property names; `*` matches every array item or object key; a number matches that
 * index of an array. Where `*` goes through an array, the array keeps its order and length: an item without
 * the field becomes `{}` (or `null` when the item is not an object). Names that contain a dot cannot be
 * addressed. Results are built with Object.fromEntries, so a "__proto__" key is data, never a prototype.
 */
import { UserInputError } from "../errors.js";
import { isRecord as isObject } from "../is-record.js";

interface Node {
  /** The whole value at this point is kept. */
  keep: boolean;
  children: Map<string, Node>;
}

const MISSING: unique symbol = Symbol("missing");
type Picked = unknown | typeof MISSING;

function parseFieldPath(field: string): string[] {
  const segments = field.split(".");
  if (field === "" || segments.some((segment) => segment === "")) {
    throw new UserInputError(
      `Refused: the field path ${JSON.stringify(field)} has an empty part`,
      'Write paths as dot-separated names, such as "customers.*.email".',
    );
  }
  return segments;
}

function buildTree(fields: readonly string[]): Node {
  const root: Node = { keep: false, children: new Map() };
  for (const field of fields) {
    let node = root;
    for (const segment of parseFieldPath(field)) {
      let child = node.children.get(segment);
      if (!child) {
        child = { keep: false, children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.keep = true;
  }
  return root;
}

/** The nodes that apply to one key or index: its own name and `*`. */
function childNodes(nodes: readonly Node[], key: string): Node[] {
  const result: Node[] = [];
  for (const node of nodes) {
    const star = node.children.get("*");
    const named = node.children.get(key);
    if (star) result.push(star);
    if (named && named !== star) result.push(named);
  }
  return result;
}

function pick(value: unknown, nodes: readonly Node[]): Picked {
  if (nodes.some((node) => node.keep)) return value;
  const hasStar = nodes.some((node) => node.children.has("*"));
  if (Array.isArray(value)) {
    if (hasStar) {
      return value.map((item, index) => {
        const picked = pick(item, childNodes(nodes, String(index)));
        return picked !== MISSING ? picked : isObject(item) ? {} : null;
      });
    }
    const kept: unknown[] = [];
    value.forEach((item, index) => {
      const next = childNodes(nodes, String(index));
      const picked = next.length > 0 ? pick(item, next) : MISSING;
      if (picked !== MISSING) kept.push(picked);
    });
    return kept.length > 0 ? kept : MISSING;
  }
  if (isObject(value)) {
    const entries: Array<[string, unknown]> = [];
    for (const key of Object.keys(value)) {
      const next = childNodes(nodes, key);
      const picked = next.length > 0 ? pick(value[key], next) : MISSING;
      if (picked !== MISSING) entries.push([key, picked]);
    }
    if (entries.length === 0 && !(hasStar && Object.keys(value).length === 0)) return MISSING;
    return Object.fromEntries(entries);
  }
  return MISSING;
}

/**
 * Keeps only the parts of `value` named by `fields`. No fields: the value unchanged. Nothing matched: an
 * empty object or array of the same kind (a primitive is returned as is; fields do not apply to it).
 */
export function pickFields(value: unknown, fields: readonly string[]): unknown {
  if (fields.length === 0) return value;
  const picked = pick(value, [buildTree(fields)]);
  if (picked !== MISSING) return picked;
  return Array.isArray(value) ? [] : isObject(value) ? {} : value;
}

function matches(value: unknown, segments: readonly string[], at: number): boolean {
  if (at === segments.length) return true;
  const segment = segments[at] as string;
  if (Array.isArray(value)) {
    if (segment === "*") return value.length === 0 || value.some((item) => matches(item, segments, at + 1));
    return (
      /^\d+$/.test(segment) &&
      Number(segment) < value.length &&
      matches(value[Number(segment)], segments, at + 1)
    );
  }
  if (isObject(value)) {
    if (segment === "*") {
      const values = Object.values(value);
      return values.length === 0 || values.some((item) => matches(item, segments, at + 1));
    }
    return Object.hasOwn(value, segment) && matches(value[segment], segments, at + 1);
  }
  return false;
}

/**
 * The fields that match nothing in `value`, so a tool can say which ones. A `*` over an empty list or object
 * counts as a match: the path may well be right, there was just nothing to keep.
 */
export function missingFields(value: unknown, fields: readonly string[]): string[] {
  return fields.filter((field) => !matches(value, parseFieldPath(field), 0));
}

/**
 * `required` as Membrane reads it. A name may be required in one allOf/anyOf member and declared in
 * another (Customer.io's send-email body: `required: ["to"]` in one member, `to` in the next), and the
 * idiom `anyOf: [{required: ["to"]}, {required: ["cc"]}]` says "one of these". So the converter keeps
 * `required` as written, and this pass drops only the names that no property anywhere in reach declares
 * (the node's own, its combinator members', and the enclosing object's when the node is a member): a
 * Membrane quirk that would otherwise refuse every call.
 */
import { isPlainObject, type Schema } from "./keywords.js";

const COMBINATORS = ["anyOf", "oneOf", "allOf"] as const;

/** The property names a node and its combinator members declare. */
function declaredNames(node: Schema, into: Set<string>): Set<string> {
  if (isPlainObject(node.properties)) for (const name of Object.keys(node.properties)) into.add(name);
  for (const key of COMBINATORS) {
    const list = node[key];
    if (Array.isArray(list))
      for (const member of list) if (isPlainObject(member)) declaredNames(member, into);
  }
  return into;
}

/** Names in reach: a node's own set, then its enclosing nodes' (a chain, so nothing is copied). */
interface Scope {
  names: ReadonlySet<string>;
  parent?: Scope;
}

function inScope(scope: Scope | undefined, name: string): boolean {
  for (let s = scope; s !== undefined; s = s.parent) if (s.names.has(name)) return true;
  return false;
}

/** Prunes `required` names nothing declares, in place, throughout the tree. Linear in the tree's size. */
export function pruneRequired(node: Schema, inherited?: Scope): void {
  const scope: Scope = { names: declaredNames(node, new Set()), ...(inherited && { parent: inherited }) };
  if (Array.isArray(node.required)) {
    const kept = node.required.filter((name) => typeof name === "string" && inScope(scope, name));
    if (kept.length > 0) node.required = kept;
    else delete node.required;
  }
  for (const key of COMBINATORS) {
    const list = node[key];
    if (Array.isArray(list))
      for (const member of list) if (isPlainObject(member)) pruneRequired(member, scope);
  }
  if (isPlainObject(node.properties)) {
    for (const child of Object.values(node.properties)) if (isPlainObject(child)) pruneRequired(child);
  }
  if (isPlainObject(node.items)) pruneRequired(node.items);
  if (isPlainObject(node.additionalProperties)) pruneRequired(node.additionalProperties);
}

/**
 * The advertised reading: `required` only where the node itself declares the property (clients drop a
 * tool whose `required` names an unknown property), and members left with nothing to say removed.
 * Returns a copy; the faithful tree keeps the full rules for validation.
 */
export function ownRequiredOnly(node: Schema): Schema {
  const out: Schema = { ...node };
  const own = isPlainObject(node.properties) ? node.properties : undefined;
  if (Array.isArray(node.required)) {
    const kept = node.required.filter((name) => own !== undefined && Object.hasOwn(own, String(name)));
    if (kept.length > 0) out.required = kept;
    else delete out.required;
  }
  return out;
}

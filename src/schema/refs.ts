/**
 * `$ref` handling. Clients such as Gemini reject `$ref`, and Membrane's own `$ref`s name app data schemas
 * that no validator can resolve, so the advertised schemas contain no `$ref` at all: a local JSON pointer
 * (`#/definitions/x`, `#/$defs/x`, `#/properties/a`) is inlined, and anything else becomes an
 * unconstrained value with a note. Recursive definitions are expanded a bounded number of times.
 */
import { isPlainObject } from "./keywords.js";

/** How many times one definition may be expanded inside itself before the rest becomes "any value". */
const MAX_REF_EXPANSIONS = 2;

type RefTarget =
  | { kind: "local"; target: unknown }
  | { kind: "missing" }
  | { kind: "external"; name: string };

export class RefResolver {
  private readonly active = new Map<string, number>();

  constructor(private readonly root: unknown) {}

  resolve(ref: string): RefTarget {
    if (!ref.startsWith("#")) return { kind: "external", name: ref };
    if (ref === "#") return { kind: "local", target: this.root };
    if (!ref.startsWith("#/")) return { kind: "missing" }; // named anchors are not used by Membrane
    let node: unknown = this.root;
    for (const raw of ref.slice(2).split("/")) {
      let token: string;
      try {
        token = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
      } catch {
        return { kind: "missing" };
      }
      if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(token) && Number(token) < node.length) {
        node = node[Number(token)];
      } else if (isPlainObject(node) && Object.hasOwn(node, token)) {
        node = node[token];
      } else {
        return { kind: "missing" };
      }
    }
    return { kind: "local", target: node };
  }

  /** True when `ref` may be expanded once more on the current path (cycle cap). */
  canEnter(ref: string): boolean {
    return (this.active.get(ref) ?? 0) < MAX_REF_EXPANSIONS;
  }

  /** Runs `fn` with `ref` counted as being expanded. */
  within<T>(ref: string, fn: () => T): T {
    this.active.set(ref, (this.active.get(ref) ?? 0) + 1);
    try {
      return fn();
    } finally {
      this.active.set(ref, (this.active.get(ref) ?? 1) - 1);
    }
  }
}

/** The target with the `$ref` node's other keywords laid over it (a sibling `description` wins). */
export function overlay(target: unknown, siblings: Record<string, unknown>): unknown {
  if (Object.keys(siblings).length === 0) return target;
  if (isPlainObject(target)) return { ...target, ...siblings };
  return target === false ? false : siblings;
}

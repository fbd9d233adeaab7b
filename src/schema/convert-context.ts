/**
 * What one conversion carries from node to node, and the shape of the node converter. Its own module so that
 * convert.ts and combinators.ts (which convert.ts calls, handing it the converter) both name them without
 * importing each other.
 */
import type { Schema } from "./keywords.js";
import type { RefResolver } from "./refs.js";

export interface ConvertContext {
  refs: RefResolver;
  /** Human sentences about what changed, deduplicated by the caller. */
  notes: string[];
  /** Nodes still allowed; guards against definitions that fan out exponentially when inlined. */
  budget: number;
  /**
   * Recursive definitions cut short, by `$ref`: the name under which the faithful schema's `$defs` holds
   * them in full (normalize.ts converts them), so the check follows the recursion to any depth.
   */
  cuts: Map<string, string>;
}

/** Converts one node; `undefined` for a schema that accepts no value at all (`false`). */
export type ConvertNode = (
  node: unknown,
  ctx: ConvertContext,
  path: string,
  depth: number,
) => Schema | undefined;

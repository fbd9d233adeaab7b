/**
 * Client profiles, applied to an already clean object schema (normalize.ts's output, or a generic tool's
 * zod-made schema). `default` (Claude, Cursor, VS Code, MCP Inspector) changes nothing. `gemini` and
 * `openai-strict` rewrite what those clients reject (gemini.ts, openai-strict.ts); where a value cannot be
 * declared at all there (a free-form object, "any value") it is sent as JSON text and decoded again.
 */

import { isPlainObject, type Schema } from "../keywords.js";
import type { SchemaProfile } from "../types.js";
import { toGemini } from "./gemini.js";
import { toStrict } from "./openai-strict.js";
import type { Profiled } from "./profile-common.js";

/** Applies `profile` to a root object schema. */
export function profileRoot(root: Schema, profile: SchemaProfile, notes: string[]): Profiled {
  if (profile === "gemini") return toGemini(root, "", notes, true);
  if (profile === "openai-strict") return toStrict(root, "", notes, true);
  return { schema: root, decoder: null };
}

/**
 * Applies `profile` to one object alternative of a merged root, for validation only: the arguments it
 * checks are shaped by the profile (JSON text, nulls for omitted properties), so the alternative must be
 * too, but it is never shown to a client and keeps its own `required`.
 */
export function profileAlternative(alt: Schema, profile: SchemaProfile): Schema {
  if (profile === "default") return alt;
  const ignored: string[] = [];
  const { schema } = profileRoot({ ...alt, type: "object" }, profile, ignored);
  if (profile === "openai-strict") {
    // The merged object also carries the other alternatives' properties (sent as null), so no
    // additionalProperties here; and only this alternative's own required properties must be non-null.
    const { additionalProperties: _extra, required: _all, ...rest } = schema;
    return Array.isArray(alt.required) && alt.required.length > 0
      ? { ...rest, required: alt.required }
      : rest;
  }
  return schema;
}

/**
 * Marks every object that declares properties and says nothing of others as closed, in place, throughout
 * an advertised tree (normalize.ts's `closedObjects`): no profile then offers it a way to send other keys.
 */
export function closeObjects(node: Schema): void {
  if (isPlainObject(node.properties)) {
    if (node.additionalProperties === undefined) node.additionalProperties = false;
    for (const child of Object.values(node.properties)) if (isPlainObject(child)) closeObjects(child);
  }
  if (isPlainObject(node.items)) closeObjects(node.items);
  for (const key of ["anyOf", "allOf"]) {
    const list = node[key];
    if (Array.isArray(list)) for (const member of list) if (isPlainObject(member)) closeObjects(member);
  }
}

/**
 * Typed results: an action that carries an `outputSchema` makes its direct tool declare one, so an agent
 * (and the client, which validates) knows a result's shape before calling. The declared schema describes
 * the structuredContent this server sends for every action tool, `{output, actionRunId}`: the action's
 * schema, converted faithfully (normalizeSchema's faithful schema, as Membrane reads it), sits under
 * `output`. An object root is what the 2025-11-25 revision requires; the 2026-07-28 one allows any value,
 * and an object is one, so a single tools/list serves both eras and whatever the action returns (a bare
 * number, a string, null) is wrapped the same way.
 *
 * What is advertised is the faithful schema without its annotations (titles, descriptions, examples,
 * defaults): it accepts exactly the same values, at a fraction of the list's characters, and what a tool
 * returns is already said in its description (catalog/describe.ts). It is the same in every schema
 * profile: a profile shapes what a model is asked to send, and an output schema is checked, not sent.
 * Output schemas cost tools/list characters, but a direct tool is worth more to an agent than its type, so
 * they never displace a tool: typedWithin gives types, in the selection's order, while the list stays
 * within its budget (catalog/selection.ts) and the types within a quarter of it, and never one above
 * MAX_OUTPUT_SCHEMA_CHARS.
 *
 * The envelope stays open on purpose: `output` is not required, since a result cut to --max-output, or
 * one that does not match what the action declares, goes out without it (output/result.ts sends `output`
 * only when the value shown conforms), and no property is closed off, since an error's structuredContent
 * (`{error, kind, status, actionRunId}`, output/error-result.ts) must conform too.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { isPlainObject } from "../schema/keywords.js";
import { normalizeSchema } from "../schema/normalize.js";
import { re2Engine } from "../schema/regex.js";
import type { ObjectJsonSchema } from "../schema/types.js";

let shared: Ajv2020 | undefined;

/**
 * The check of an output, as strict as the clients that validate it: the SDK clients check `format`
 * (ajv-formats), where an input check reads it as Membrane does, as an annotation (schema/validate.ts).
 */
function outputAjv(): Ajv2020 {
  if (shared === undefined) {
    shared = new Ajv2020({ strict: false, logger: false, ownProperties: true, code: { regExp: re2Engine } });
    addFormats.default(shared);
  }
  return shared;
}

/** Compiled on first use (a result of that action), not when the catalog is converted. */
function lazyCheck(schema: Record<string, unknown>): (value: unknown) => boolean {
  let check: ((value: unknown) => boolean) | undefined;
  return (value) => {
    if (check === undefined) {
      try {
        const compiled: ValidateFunction = outputAjv().compile(schema);
        check = (candidate) => compiled(candidate) === true;
      } catch {
        check = () => false; // Nothing can be shown to conform: structuredContent goes without `output`.
      }
    }
    return check(value);
  };
}

/** Above this, one tool's outputSchema would crowd the list: the tool is left untyped. */
export const MAX_OUTPUT_SCHEMA_CHARS = 2000;
/** The share of the list's budget that output schemas may take, all together. */
export const OUTPUT_SCHEMA_SHARE = 0.25;

/** Keywords that say something about a value without changing which values conform. */
const ANNOTATIONS = new Set([
  "title",
  "description",
  "examples",
  "default",
  "$comment",
  "deprecated",
  "readOnly",
  "writeOnly",
]);
/** Keywords whose value maps names (which may be "title") to subschemas. */
const NAME_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
/** Keywords whose value is data, never a subschema. */
const DATA = new Set(["const", "enum", "examples", "default"]);

/** `schema` without its annotations (a copy; names and data are kept as they are). */
export function withoutAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (!isPlainObject(schema)) return schema;
  const kept: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (DATA.has(key)) kept.push([key, value]);
    else if (NAME_MAPS.has(key) && isPlainObject(value))
      kept.push([key, Object.fromEntries(Object.entries(value).map(([n, v]) => [n, withoutAnnotations(v)]))]);
    else kept.push([key, withoutAnnotations(value)]);
  }
  return Object.fromEntries(kept);
}

export interface OutputContract {
  /** The tool's outputSchema: the envelope around the action's faithful output schema. */
  schema: ObjectJsonSchema;
  /** Whether `value` conforms to the action's own output schema (compiled on first use). */
  accepts(value: unknown): boolean;
}

/** The contract of an action's output, or undefined when it declares none or it cannot be converted. */
export function outputContract(actionOutputSchema: unknown): OutputContract | undefined {
  if (!isPlainObject(actionOutputSchema)) return undefined;
  let faithful: Record<string, unknown>;
  try {
    // The profile shapes only what is advertised for input; the faithful schema is the same in all.
    faithful = normalizeSchema(actionOutputSchema, "default").faithfulSchema;
  } catch {
    return undefined; // An odd output schema costs the tool its type, never the tool itself.
  }
  // A `__proto__` property cannot be checked by name (schema/proto-key.ts); such a result stays untyped.
  if (JSON.stringify(faithful).includes('"__proto__"')) return undefined;
  const output = withoutAnnotations(faithful);
  return {
    schema: { type: "object", properties: { output, actionRunId: { type: "string" } } },
    accepts: lazyCheck(faithful),
  };
}

/** Characters an outputSchema adds to a tool's tools/list entry (`,"outputSchema":` included). */
export const outputSchemaChars = (contract: OutputContract): number =>
  JSON.stringify(contract.schema).length + ',"outputSchema":'.length;

/**
 * The entries (of `direct`, in its order) whose tools declare their outputSchema: each that has one, is
 * no larger than MAX_OUTPUT_SCHEMA_CHARS and still fits in `room` characters of the list's budget.
 */
export function typedWithin<T extends { output?: OutputContract }>(
  direct: readonly T[],
  room: number,
): Set<T> {
  const typed = new Set<T>();
  for (const entry of direct) {
    if (!entry.output) continue;
    const size = outputSchemaChars(entry.output);
    if (size > MAX_OUTPUT_SCHEMA_CHARS || size > room) continue;
    typed.add(entry);
    room -= size;
  }
  return typed;
}

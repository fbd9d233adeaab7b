/**
 * Membrane DataSchema -> a JSON Schema every major MCP client accepts, keeping what a model needs. The
 * steps: convert each node (convert.ts: keywords, refs, pick-lists, quirks) into the faithful schema, the
 * schema as Membrane reads it; derive what is advertised (advertise.ts: client-safe keys), shape the root
 * (root.ts), apply the client profile (profile.ts), order the keywords, then check the result
 * (invariants.ts and Ajv's meta-schema). In gemini and openai-strict, a profiled schema that still breaks
 * its client's rules takes the whole input as one JSON text (whole-text.ts); a schema that still fails
 * throws SchemaConversionError, and only that action is left out of the direct tools. Every input, whatever the profile, is decoded and then
 * checked against the faithful schema (`check`): a profile weakens what is shown, never what is checked.
 *
 * "Any value" (a `$ref` to a Membrane schema, a recursive definition cut short, an untyped property) is
 * written as a schema without `type` (only title/description) in the default profile, which Claude,
 * Cursor, VS Code and MCP Inspector accept; Gemini and OpenAI strict mode cannot declare it, so there it
 * is a string holding JSON text, parsed again by `toActionInput`. Free-form objects are treated alike.
 */

import { advertise } from "./advertise.js";
import { type ConvertContext, convertNode } from "./convert.js";
import { DecodeError, decode } from "./decode.js";
import { schemaProblems } from "./invariants.js";
import { orderKeys, type Schema } from "./keywords.js";
import { closeObjects, profileAlternative, profileRoot } from "./profiles/profile.js";
import { keyRule } from "./property-keys.js";
import { mentionsProto, protoSafeSchema, protoSafeValue } from "./proto-key.js";
import { RefResolver } from "./refs.js";
import { pruneRequired } from "./required.js";
import { explainRequiredSets, shapeRoot } from "./root.js";
import type { ObjectJsonSchema, SchemaProfile } from "./types.js";
import { compileValidator, isValidJsonSchema, type ValidationResult } from "./validate.js";
import { wholeInputAsText } from "./whole-text.js";

export type { SchemaProfile };

export interface NormalizedSchema {
  /** Advertised in tools/list. */
  schema: ObjectJsonSchema;
  /** What Ajv compiles: the advertised schema, plus the root alternatives of a merged anyOf/oneOf. */
  validationSchema: Record<string, unknown>;
  /** Human sentences about what was changed or dropped. */
  notes: string[];
  /** Text to append to the tool description (the alternatives of a merged root anyOf); absent if none. */
  description?: string;
  /**
   * Turns validated arguments back into the action's input: unchanged, except that JSON text (gemini,
   * openai-strict) is parsed, stringified enum values (gemini) are mapped back, nulls sent for optional
   * properties (openai-strict) are removed. When the action's own root was not an object (it was wrapped
   * as the `input` property), the bare value comes back: callers only serialize it, whatever its type.
   */
  toActionInput(args: Record<string, unknown>): Record<string, unknown>;
  /** The schema as Membrane reads it, for the action's own input (after decoding and unwrapping). */
  faithfulSchema: Record<string, unknown>;
  /** Decodes `args` (toActionInput) and checks the result against the faithful schema. */
  check(args: Record<string, unknown>): CheckResult;
  /** Checks a plain input (run_action's, never written in the profile's style) against the faithful schema. */
  checkPlain(input: Record<string, unknown>): CheckResult;
}

type CheckResult = { ok: true; input: Record<string, unknown> } | { ok: false; problems: string[] };

export class SchemaConversionError extends Error {
  override name = "SchemaConversionError";
}

/** Nodes a single schema may expand to (inlined definitions included) before the rest is "any value". */
const NODE_BUDGET = 5_000;

export interface NormalizeOptions {
  /**
   * Objects without `additionalProperties` are closed: a schema made from zod, whose parser drops unknown
   * keys, rather than an action's (open, as JSON Schema reads it, so gemini and openai-strict give them
   * a JSON-text property for other keys).
   */
  closedObjects?: boolean;
}

export function normalizeSchema(
  input: unknown,
  profile: SchemaProfile,
  options: NormalizeOptions = {},
): NormalizedSchema {
  const notes: string[] = [];
  let result: NormalizedSchema;
  let isWholeText = false;
  try {
    const refs = new RefResolver(input);
    const ctx: ConvertContext = { refs, notes, budget: NODE_BUDGET, cuts: new Map() };
    const converted = input === undefined || input === null ? {} : convertNode(input, ctx, "", 0);
    if (converted === undefined) throw new SchemaConversionError("the input schema accepts no value at all");
    pruneRequired(converted);
    const faithfulSchema = withCutDefinitions(orderKeys(converted), ctx);
    const advertised = advertise(converted, "", notes, keyRule(profile));
    const root = shapeRoot(advertised.schema, notes);
    root.description ??= explainRequiredSets(converted);
    // (The default profile shows objects as they are: closing them there would refuse what zod ignores.)
    if (options.closedObjects && profile !== "default") closeObjects(root.schema);
    const profiled = profileRoot(root.schema, profile, notes);
    let schema = orderKeys(profiled.schema) as ObjectJsonSchema;
    let validationSchema: Record<string, unknown> = schema;
    if (root.alternatives) {
      const anyOf = root.alternatives.map((alt) => orderKeys(profileAlternative(alt, profile)));
      validationSchema = { ...validationSchema, anyOf };
    }
    if (root.extra) {
      // Only the default profile sends values as the original schema sees them; elsewhere these
      // constraints would check JSON text or nulls, so Membrane alone checks them.
      if (profile === "default") validationSchema = { ...validationSchema, allOf: root.extra };
      else notes.push(`the input's unmerged alternatives are not checked in the ${profile} profile`);
    }
    const { decoder } = profiled;
    const renames = advertised.decoder;
    const wrapped = root.wrapped;
    let toActionInput = (args: Record<string, unknown>) => {
      const decoded = decode(args, decoder) as Record<string, unknown>;
      const unwrapped = wrapped === undefined ? decoded : decoded[wrapped];
      return decode(unwrapped, renames) as Record<string, unknown>;
    };
    const broken = profile === "default" ? [] : schemaProblems(schema, profile);
    isWholeText = broken.length > 0;
    if (isWholeText) {
      ({ schema, toActionInput } = wholeInputAsText(profile, broken, notes));
      validationSchema = schema;
    }
    const faithful = faithfulValidator(faithfulSchema);
    result = {
      schema,
      validationSchema,
      faithfulSchema,
      notes: [...new Set(notes)],
      toActionInput,
      check(args): CheckResult {
        let actionInput: Record<string, unknown>;
        try {
          actionInput = toActionInput(args);
        } catch (error) {
          if (error instanceof DecodeError) return { ok: false, problems: [error.message] };
          throw error;
        }
        const checked = faithful(actionInput);
        return checked.ok ? { ok: true, input: actionInput } : checked;
      },
      checkPlain(input): CheckResult {
        const unwrapped = wrapped === undefined ? input : input[wrapped];
        const checked = faithful(unwrapped);
        return checked.ok ? { ok: true, input: unwrapped as Record<string, unknown> } : checked;
      },
    };
    const limits = profileLimits(profile, faithfulSchema, schema);
    // Clients show the tool description more surely than the root schema's: the root's rules go there too.
    const rules = advertised.said.join(" ");
    const description = [root.description, rules, limits].filter(Boolean).join(" ");
    if (description) result.description = description;
  } catch (error) {
    if (error instanceof SchemaConversionError) throw error;
    // A bug meeting an odd schema must cost one action, never the server.
    throw new SchemaConversionError(`could not convert the input schema: ${String(error)}`, { cause: error });
  }
  // The fallback above already checked a profiled schema; only the default profile's is checked here.
  const problems = profile === "default" || isWholeText ? schemaProblems(result.schema, profile) : [];
  if (problems.length > 0)
    throw new SchemaConversionError(`invalid converted schema: ${problems.join("; ")}`);
  if (!isValidJsonSchema(result.validationSchema) || !isValidJsonSchema(result.faithfulSchema)) {
    throw new SchemaConversionError("the converted schema is not a valid JSON Schema");
  }
  return result;
}

/**
 * What the profile's advertised schema cannot carry, for the tool description: Gemini declares no null;
 * OpenAI strict mode sends null for an optional argument it leaves out, so cannot send that null itself.
 * run_action takes the plain input and can.
 */
function profileLimits(profile: SchemaProfile, faithful: Schema, advertised: Schema): string | undefined {
  const text = JSON.stringify(faithful);
  if (profile === "gemini" && (text.includes('"null"') || text.includes("null]") || text.includes("null,"))) {
    return "Gemini cannot send null here: to send a null value, use run_action.";
  }
  if (profile === "openai-strict" && JSON.stringify(advertised).includes("Null: left out.")) {
    return "Null for an optional argument means it is left out: to send a null value itself, use run_action.";
  }
  return undefined;
}

/** The recursive definitions cut short in `root` (convert.ts), in full under `$defs`, for the check. */
function withCutDefinitions(root: Schema, ctx: ConvertContext): Schema {
  if (ctx.cuts.size === 0) return root;
  const defs: Schema = {};
  for (const [ref, name] of ctx.cuts) {
    // Converting one may cut another: the map grows while it is walked, and each is converted once.
    const found = ctx.refs.resolve(ref);
    const def = found.kind === "local" ? convertNode(found.target, ctx, "", 0) : {};
    if (def !== undefined) pruneRequired(def);
    defs[name] = def === undefined ? false : orderKeys(def);
  }
  return { ...root, $defs: defs };
}

/** The faithful check; a `__proto__` property is checked under a stand-in name (proto-key.ts). */
function faithfulValidator(schema: Record<string, unknown>): (value: unknown) => ValidationResult {
  if (!mentionsProto(schema)) return compileValidator(schema);
  const check = compileValidator(protoSafeSchema(schema) as Record<string, unknown>);
  return (value) => check(protoSafeValue(value));
}

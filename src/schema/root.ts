/**
 * The root of a tool's input schema. Several clients drop every tool of a server when one tool's root is
 * not `type: "object"` or carries `anyOf`/`oneOf`/`allOf`, so: a root `anyOf` of objects is merged into
 * one object whose properties are all optional (the alternatives are explained in the tool description
 * and kept, for validation only); what else an object root combines (allOf, an anyOf of non-objects) is
 * kept for validation only; any other non-object root becomes the single required property `input`, unwrapped before the run.
 */
import { isObjectAlternative, mergeAlternativeProperties } from "./combinators.js";
import { isAnyValue, isPlainObject, type Schema, textOf } from "./keywords.js";

/** The property that carries a non-object root value. */
const WRAPPED_ROOT_PROPERTY = "input";
const MAX_EXPLAINED_PROPERTIES = 12;

interface ShapedRoot {
  schema: Schema & { type: "object"; properties: Schema };
  /** Object alternatives of a merged root anyOf, for validation. */
  alternatives?: Schema[];
  /** Constraints of the root that could not be advertised (an allOf, an anyOf of non-objects): checked only. */
  extra?: Schema[];
  /** Text for the tool description. */
  description?: string;
  /** Set when the original root was not an object and was wrapped in this property. */
  wrapped?: string;
}

function isObjectRoot(root: Schema): boolean {
  if (root.type === "object") return true;
  if (root.type !== undefined || root.anyOf !== undefined) return false;
  return isAnyValue(root) || root.properties !== undefined || root.additionalProperties !== undefined;
}

/** Room for the alternatives in a tool description (clients cap it at 1,024 characters). */
const MAX_EXPLANATION = 600;
const MAX_LABEL = 60;

/**
 * "Give one of these argument sets: (1) Label: required `a`; also `b`, `c`; (2) ...". Required fields come
 * first and are always kept; labels and optional fields are shortened, then dropped, to fit the room.
 */
export function explain(alternatives: readonly Schema[]): string {
  const render = (optionalCount: number, withLabels: boolean) =>
    alternatives.map((alt, index) => {
      const required = Array.isArray(alt.required) ? alt.required.map(String) : [];
      const names = isPlainObject(alt.properties) ? Object.keys(alt.properties) : [];
      const optional = names.filter((n) => !required.includes(n));
      const raw =
        typeof alt.title === "string"
          ? alt.title
          : typeof alt.description === "string"
            ? alt.description
            : "";
      const label = withLabels ? raw.trim().slice(0, MAX_LABEL) : "";
      const parts: string[] = [];
      if (required.length > 0) parts.push(`required ${required.map((n) => `\`${n}\``).join(", ")}`);
      const shown = optional.slice(0, optionalCount).map((n) => `\`${n}\``);
      if (optional.length > optionalCount && optionalCount > 0) shown.push("...");
      if (shown.length > 0) parts.push(`${required.length > 0 ? "also " : ""}${shown.join(", ")}`);
      const fields =
        parts.length > 0 ? parts.join("; ") : names.length > 0 ? "optional fields" : "no arguments";
      return `(${index + 1})${label ? ` ${label}:` : ""} ${fields}`;
    });
  let text = "";
  for (const [count, labels] of [
    [MAX_EXPLAINED_PROPERTIES, true],
    [4, true],
    [0, true],
    [0, false],
  ] as const) {
    text = `Give one of these argument sets: ${render(count, labels).join("; ")}.`;
    if (text.length <= MAX_EXPLANATION) break;
  }
  return text;
}

/**
 * For a root that says "at least one of these" only through `required` (`anyOf: [{required: ["to"]},
 * {required: ["cc"]}]`), which the advertised schema cannot show: the sentence that says it.
 */
export function explainRequiredSets(root: Schema): string | undefined {
  const sets = Array.isArray(root.anyOf) ? (root.anyOf as unknown[]) : [];
  if (sets.length < 2 || !sets.every((s) => isPlainObject(s) && Array.isArray(s.required))) return undefined;
  return explain(sets as Schema[]).replace("Give one of these argument sets", "Give at least one of");
}

export function shapeRoot(given: Schema, notes: string[]): ShapedRoot {
  // An object root that also takes null (`type: ["object", "null"]`, `nullable: true`) is an object root:
  // tool arguments are always an object, and the faithful check still takes a null input.
  const objectOrNull =
    Array.isArray(given.type) &&
    given.type.includes("object") &&
    given.type.every((t) => t === "object" || t === "null");
  const root = objectOrNull ? { ...given, type: "object" } : given;
  const alternatives = Array.isArray(root.anyOf) ? (root.anyOf as Schema[]) : [];
  const isObjectish = root.type === undefined || root.type === "object";
  if (alternatives.length > 0 && isObjectish && alternatives.every(isObjectAlternative)) {
    const { anyOf: _anyOf, allOf, ...rest } = root;
    const schema = {
      ...rest,
      type: "object" as const,
      properties: mergeAlternativeProperties(rest, alternatives),
    };
    notes.push("the input's alternatives (anyOf/oneOf) were merged into one object; each set is checked");
    const extra = Array.isArray(allOf) ? (allOf as Schema[]) : undefined;
    return { schema, alternatives, extra, description: explain(alternatives) };
  }
  if (root.type === "object" || (isObjectRoot(root) && root.allOf === undefined)) {
    // Combinators left on an object root are checked but not advertised.
    const { anyOf, allOf, ...rest } = root;
    const extra = [
      ...(anyOf === undefined ? [] : [{ anyOf }]),
      ...(Array.isArray(allOf) ? allOf : []),
    ] as Schema[];
    if (extra.length > 0)
      notes.push("the input had alternatives that could not be merged; they are checked, not shown");
    const properties = isPlainObject(rest.properties) ? rest.properties : {};
    return { schema: { ...rest, type: "object", properties }, extra: extra.length > 0 ? extra : undefined };
  }
  notes.push(`the action takes a single value, given as \`${WRAPPED_ROOT_PROPERTY}\``);
  return {
    schema: {
      ...textOf(root),
      type: "object",
      properties: { [WRAPPED_ROOT_PROPERTY]: root },
      required: [WRAPPED_ROOT_PROPERTY],
    },
    wrapped: WRAPPED_ROOT_PROPERTY,
  };
}

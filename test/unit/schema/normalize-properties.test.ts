/**
 * Property-based tests of the conversion. (1) Any schema, however odd (garbage values for every keyword,
 * Membrane keywords, formulas, cycles, broken refs), normalizes in every profile into one that keeps the
 * invariants and compiles in Ajv, and does so deterministically. (2) For plain JSON Schemas, a value valid
 * for the original is valid for the normalized schema (default profile) and reaches the action unchanged.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { SchemaProfile } from "../../../src/config.js";
import { schemaProblems } from "../../../src/schema/invariants.js";
import { type NormalizedSchema, normalizeSchema } from "../../../src/schema/normalize.js";
import { compileValidator } from "../../../src/schema/validate.js";

const PROFILES: SchemaProfile[] = ["default", "gemini", "openai-strict"];
const name = fc.constantFrom("a", "b", "email", "id", "first name", "x.y", "constructor", "__proto__", "");
const formula = fc.record({ $var: fc.constantFrom("$.a", "$.user.email") });
const odd = fc.oneof(fc.jsonValue({ maxDepth: 2 }), formula, fc.constant(undefined));
const ref = fc.constantFrom(
  "#/definitions/a",
  "#/$defs/b",
  "#",
  "#/properties/a",
  "#/nope",
  "customer",
  "#bad",
  "%",
);
const typeValue = fc.oneof(
  fc.constantFrom("string", "number", "integer", "boolean", "object", "array", "null", "any", "date"),
  fc.subarray(["string", "number", "integer", "boolean", "object", "array", "null"]),
  odd,
);

const { node } = fc.letrec<{ node: unknown; keywords: Record<string, unknown> }>((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, fc.boolean(), odd, tie("keywords")),
  keywords: fc.record(
    {
      type: typeValue,
      title: odd,
      description: odd,
      properties: fc.oneof(fc.dictionary(name, tie("node"), { maxKeys: 4 }), odd),
      required: fc.oneof(fc.array(fc.oneof(name, odd), { maxLength: 3 }), odd, fc.constant(true)),
      items: fc.oneof(tie("node"), fc.array(tie("node"), { maxLength: 2 })),
      additionalProperties: tie("node"),
      anyOf: fc.oneof(fc.array(tie("node"), { maxLength: 3 }), odd),
      oneOf: fc.array(tie("node"), { maxLength: 3 }),
      allOf: fc.array(tie("node"), { maxLength: 2 }),
      $ref: fc.oneof(ref, odd),
      enum: fc.oneof(fc.array(odd, { maxLength: 3 }), odd),
      const: odd,
      default: odd,
      examples: odd,
      format: fc.oneof(fc.constantFrom("email", "date-time", "date", "uri", "membrane"), odd),
      pattern: fc.oneof(fc.constantFrom("^a", "(", "[", "\\p{L}"), odd),
      minimum: odd,
      maximum: odd,
      exclusiveMinimum: fc.oneof(fc.boolean(), odd),
      minLength: odd,
      maxItems: odd,
      readOnly: fc.boolean(),
      referenceRecords: fc.oneof(fc.array(fc.record({ id: odd, name: odd }), { maxLength: 3 }), odd),
      allowCustom: fc.boolean(),
      referenceCollection: odd,
      isSensitive: fc.boolean(),
      $schema: odd,
      nullable: odd,
    },
    { requiredKeys: [] },
  ),
}));

const oddRoot = fc
  .tuple(node, fc.dictionary(name, node, { maxKeys: 2 }), fc.dictionary(name, node, { maxKeys: 2 }))
  .map(([root, definitions, defs]) =>
    typeof root === "object" && root !== null && !Array.isArray(root)
      ? { ...root, definitions, $defs: defs }
      : root,
  )
  .filter((root) => root !== false);

describe("any schema normalizes into one that keeps the invariants", () => {
  test.each(PROFILES)("%s", (profile) => {
    fc.assert(
      fc.property(oddRoot, (input) => {
        let result: NormalizedSchema;
        try {
          result = normalizeSchema(input, profile);
        } catch (error) {
          // The one allowed refusal: a root that resolves to `false` accepts no input at all.
          expect(String(error)).toContain("accepts no value at all");
          return;
        }
        expect(schemaProblems(result.schema, profile)).toEqual([]);
        expect(JSON.stringify(normalizeSchema(input, profile).schema)).toBe(JSON.stringify(result.schema));
        const check = compileValidator(result.validationSchema);
        expect(() => check({})).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });
});

// ---- plain schemas, each with values that fit it ----
interface Sample {
  schema: Record<string, unknown>;
  value: fc.Arbitrary<unknown>;
}
const sample = (schema: Record<string, unknown>, value: fc.Arbitrary<unknown>): Sample => ({ schema, value });

const leaf: fc.Arbitrary<Sample> = fc.oneof(
  fc.constant(sample({ type: "string" }, fc.string())),
  fc.constant(sample({ type: ["string", "null"], description: "d" }, fc.string())),
  fc.constant(sample({ type: "string", format: "email" }, fc.emailAddress())),
  fc.constant(
    sample({ type: "string", minLength: 2, maxLength: 5 }, fc.string({ minLength: 2, maxLength: 5 })),
  ),
  fc.constant(sample({ type: "string", enum: ["a", "b"] }, fc.constantFrom("a", "b"))),
  fc.constant(sample({ type: "integer", minimum: -3, maximum: 9 }, fc.integer({ min: -3, max: 9 }))),
  fc.constant(
    sample({ type: "number", exclusiveMinimum: 0 }, fc.double({ min: 0.5, max: 1e6, noNaN: true })),
  ),
  fc.constant(sample({ type: "boolean", default: true }, fc.boolean())),
  fc.constant(sample({}, fc.jsonValue({ maxDepth: 2 }))),
  fc.constant(sample({ type: "array" }, fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }))),
);

const { plain } = fc.letrec<{ plain: Sample }>((tie) => ({
  plain: fc.oneof(
    { depthSize: "small" },
    leaf,
    tie("plain").map((item) =>
      sample({ type: "array", items: item.schema, maxItems: 3 }, fc.array(item.value, { maxLength: 3 })),
    ),
    fc
      .uniqueArray(fc.tuple(fc.constantFrom("a", "b", "c", "first name"), tie("plain"), fc.boolean()), {
        selector: ([key]) => key,
        maxLength: 3,
      })
      .map((entries) => {
        const properties = Object.fromEntries(entries.map(([key, s]) => [key, s.schema]));
        const required = entries.filter(([, , r]) => r).map(([key]) => key);
        const value = fc.record(Object.fromEntries(entries.map(([key, s]) => [key, s.value])), {
          requiredKeys: required,
        });
        return sample({ type: "object", properties, required, additionalProperties: false }, value);
      }),
    fc
      .tuple(tie("plain"), tie("plain"))
      .map(([a, b]) => sample({ anyOf: [a.schema, b.schema] }, fc.oneof(a.value, b.value))),
  ),
}));

/** Not an object and not "any value" (an untyped root is taken as an object, like a missing schema). */
function isTypedNonObject(s: Sample): boolean {
  const { type, anyOf } = s.schema;
  if (type !== undefined) return type !== "object";
  return Array.isArray(anyOf) && anyOf.every((alt) => isTypedNonObject({ schema: alt, value: s.value }));
}

/** Roots: an object as is, an object behind a local $ref, a root anyOf of objects, or a wrapped value. */
const plainRoot = fc.oneof(
  plain.filter((s) => s.schema.type === "object").map((s) => ({ ...s, wrapped: false })),
  plain
    .filter((s) => s.schema.type === "object")
    .map((s) => ({
      schema: { $ref: "#/$defs/root", $defs: { root: s.schema } },
      value: s.value,
      wrapped: false,
    })),
  fc
    .tuple(plain, plain)
    .filter(([a, b]) => a.schema.type === "object" && b.schema.type === "object")
    .map(([a, b]) => ({
      schema: { oneOf: [a.schema, b.schema] },
      value: fc.oneof(a.value, b.value),
      wrapped: false,
    })),
  plain.filter(isTypedNonObject).map((s) => ({ ...s, wrapped: true })),
);

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => void;
const reference = new Ajv2020({ strict: false, logger: false });
addFormats(reference);

describe("a value valid for a plain original stays valid", () => {
  test("default profile", () => {
    const withValue = plainRoot.chain((root) => root.value.map((value) => ({ ...root, value })));
    fc.assert(
      fc.property(withValue, ({ schema, value, wrapped }) => {
        fc.pre(reference.validate(schema, value) === true);
        const result = normalizeSchema(schema, "default");
        const args = (wrapped ? { input: value } : value) as Record<string, unknown>;
        // Checked as Membrane reads it (original keys, whatever the advertised names).
        expect(result.check(args)).toEqual({ ok: true, input: value });
      }),
      { numRuns: 400 },
    );
  });
});

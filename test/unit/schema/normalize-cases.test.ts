/**
 * The table of schema quirks: each Membrane DataSchema oddity, what it becomes in each profile, and the
 * promises (invariants.ts) every output keeps. A row without an expectation for a profile still has its
 * output checked against the invariants of that profile.
 */
import { describe, expect, test } from "vitest";
import type { SchemaProfile } from "../../../src/config.js";
import { schemaProblems } from "../../../src/schema/invariants.js";
import { normalizeSchema, SchemaConversionError } from "../../../src/schema/normalize.js";

interface Case {
  name: string;
  input: unknown;
  default?: unknown;
  gemini?: unknown;
  strict?: unknown;
}

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "object",
  properties,
  ...extra,
});

/** An open object's escape hatch: its other properties as JSON text (gemini, openai-strict). */
const HATCH = 'Other properties to send, as a JSON object in text, e.g. {"plan": "pro"}';
const gOpen = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  obj({ ...properties, other_properties_json: { description: `${HATCH}.`, type: "string" } }, extra);
const sOpen = (properties: Record<string, unknown>, extra: { required?: string[] } = {}) =>
  obj(
    { ...properties, other_properties_json: { description: `${HATCH}; or null.`, type: ["string", "null"] } },
    { ...extra, required: [...(extra.required ?? []), "other_properties_json"], additionalProperties: false },
  );

const cases: Case[] = [
  { name: "missing schema", input: undefined, default: obj({}), gemini: gOpen({}) },
  { name: "null schema", input: null, default: obj({}), strict: sOpen({}) },
  { name: "empty object schema", input: {}, default: obj({}) },
  { name: "true schema", input: true, default: obj({}) },
  {
    name: "typeless root with properties",
    input: { properties: { a: { type: "string" } } },
    default: obj({ a: { type: "string" } }),
  },
  {
    name: "keeps the standard keywords",
    input: obj(
      {
        email: {
          type: "string",
          title: "Email",
          description: "Work email",
          format: "email",
          minLength: 3,
          maxLength: 99,
        },
        limit: { type: "integer", minimum: 1, maximum: 50, default: 10 },
        tags: { type: "array", items: { type: "string", enum: ["a", "b"] }, minItems: 1, maxItems: 5 },
      },
      { required: ["email"], additionalProperties: false },
    ),
    default: obj(
      {
        email: {
          title: "Email",
          description: "Work email",
          type: "string",
          format: "email",
          minLength: 3,
          maxLength: 99,
        },
        limit: { type: "integer", minimum: 1, maximum: 50, default: 10 },
        tags: { type: "array", items: { type: "string", enum: ["a", "b"] }, minItems: 1, maxItems: 5 },
      },
      { required: ["email"], additionalProperties: false },
    ),
    gemini: obj(
      {
        email: {
          title: "Email",
          description: "Work email. Format: email.",
          type: "string",
          minLength: 3,
          maxLength: 99,
        },
        limit: { description: "Default: 10. Minimum: 1. Maximum: 50.", type: "integer" },
        tags: { type: "array", items: { type: "string", enum: ["a", "b"] }, minItems: 1, maxItems: 5 },
      },
      { required: ["email"] },
    ),
    strict: obj(
      {
        email: {
          title: "Email",
          description: "Work email. Minimum length: 3. Maximum length: 99.",
          type: "string",
          format: "email",
        },
        limit: {
          description: "Default: 10. Null: left out.",
          type: ["integer", "null"],
          minimum: 1,
          maximum: 50,
        },
        tags: {
          description: "Null: left out.",
          type: ["array", "null"],
          items: { type: "string", enum: ["a", "b"] },
          minItems: 1,
          maxItems: 5,
        },
      },
      { required: ["email", "limit", "tags"], additionalProperties: false },
    ),
  },
  {
    name: "referenceRecords become an enum with labels",
    input: obj({
      segment: {
        type: "string",
        referenceRecords: [
          { id: "1", name: "All users" },
          { id: "7", name: "Churn" },
        ],
      },
    }),
    default: obj({
      segment: { description: "Options: 1 (All users), 7 (Churn).", type: "string", enum: ["1", "7"] },
    }),
  },
  {
    name: "referenceRecords with allowCustom stay open",
    input: obj({
      c: {
        type: "string",
        referenceRecords: [{ id: "x", name: "X" }],
        allowCustom: true,
        referenceCollection: { key: "c" },
      },
    }),
    default: obj({ c: { description: "Known values: x (X); others allowed.", type: "string" } }),
  },
  {
    name: "numeric referenceRecords infer an integer type; gemini stringifies them",
    input: obj({ n: { referenceRecords: [{ id: 1, name: "One" }, { id: 2 }] } }),
    default: obj({ n: { description: "Options: 1 (One), 2.", type: "integer", enum: [1, 2] } }),
    gemini: gOpen({
      n: {
        description: "Options: 1 (One), 2. Numbers and booleans are given as text.",
        type: "string",
        enum: ["1", "2"],
      },
    }),
  },
  {
    name: "Membrane keywords, $schema, $id, $comment, formulas dropped",
    input: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "x",
      $comment: "c",
      type: "object",
      properties: {
        to: {
          type: "string",
          default: { $var: "$.user.email" },
          isImplied: true,
          isSensitive: true,
          isRichText: true,
        },
        u: {
          type: "string",
          referenceUdm: "contacts",
          referenceCollectionPath: "a",
          referenceCollectionUri: "b",
          nullable: true,
        },
      },
    },
    default: obj({ to: { type: "string" }, u: { type: ["string", "null"] } }),
  },
  {
    name: "readOnly properties are left out, and from required",
    input: obj(
      { id: { type: "string", readOnly: true }, name: { type: "string", writeOnly: true } },
      { required: ["id", "name"] },
    ),
    default: obj({ name: { type: "string" } }, { required: ["name"] }),
  },
  {
    name: "required filtered to existing names; non-array required dropped",
    input: obj(
      { a: { type: "object", properties: { b: { type: "string" } }, required: ["b", "ghost"] } },
      { required: null },
    ),
    default: obj({ a: { type: "object", properties: { b: { type: "string" } }, required: ["b"] } }),
  },
  {
    name: "draft-03 required: true on a property",
    input: obj({ a: { type: "string", required: true } }),
    default: obj({ a: { type: "string" } }, { required: ["a"] }),
  },
  {
    name: "array without items gets items",
    input: obj({ ids: { type: "array" } }),
    default: obj({ ids: { type: "array", items: {} } }),
    gemini: gOpen({
      ids: { type: "array", items: { description: "Give it as JSON text.", type: "string" } },
    }),
  },
  {
    name: "nulls are kept in the default profile (Customer.io removes an attribute set to null)",
    input: obj({ a: { type: ["string", "null"] }, b: { type: ["null", "integer"], enum: [1, null] } }),
    default: obj({ a: { type: ["string", "null"] }, b: { type: ["integer", "null"], enum: [1, null] } }),
    gemini: gOpen({
      a: { type: "string" },
      b: { description: "Numbers and booleans are given as text.", type: "string", enum: ["1"] },
    }),
  },
  {
    name: "several non-null types become anyOf (default) or JSON text (gemini)",
    input: obj({ v: { type: ["string", "number", "null"] } }, { required: ["v"] }),
    default: obj(
      { v: { anyOf: [{ type: "string" }, { type: "number" }, { type: "null" }] } },
      { required: ["v"] },
    ),
    gemini: gOpen(
      {
        v: {
          description:
            'One of: string, number. Give it as JSON text: a string in quotes ("abc"), other values as JSON (12, true, null).',
          type: "string",
        },
      },
      { required: ["v"] },
    ),
    strict: sOpen(
      { v: { anyOf: [{ type: "string" }, { type: "number" }, { type: "null" }] } },
      { required: ["v"] },
    ),
  },
  {
    name: "bare boolean property schemas",
    input: obj({ any: true, never: false }, { required: ["never"] }),
    // `never` is not advertised, but said; the faithful check keeps `never: false` (nothing is valid).
    default: obj({ any: {} }, { description: "Never give `never`." }),
  },
  {
    name: "Membrane $ref becomes any value with a note",
    input: obj({ customer: { $ref: "customer", description: "Who" } }),
    default: obj({ customer: { description: 'Who. Any JSON value (Membrane schema "customer").' } }),
    gemini: gOpen({
      customer: {
        description: 'Who. Any JSON value (Membrane schema "customer"). Give it as JSON text.',
        type: "string",
      },
    }),
  },
  {
    name: "local $ref inlined",
    input: {
      type: "object",
      properties: { address: { $ref: "#/definitions/address", description: "Home" } },
      definitions: { address: { type: "object", properties: { city: { type: "string" } } } },
    },
    default: obj({
      address: { description: "Home", type: "object", properties: { city: { type: "string" } } },
    }),
  },
  {
    name: "recursive local $ref cut after two expansions",
    input: {
      type: "object",
      properties: { tree: { $ref: "#/$defs/node" } },
      $defs: {
        node: {
          type: "object",
          properties: {
            name: { type: "string" },
            children: { type: "array", items: { $ref: "#/$defs/node" } },
          },
        },
      },
    },
    default: obj({
      tree: obj({
        name: { type: "string" },
        children: {
          type: "array",
          // Cut short: the definition's own type and bounds are kept, not its subschemas.
          items: obj({ name: { type: "string" }, children: { type: "array", items: { type: "object" } } }),
        },
      }),
    }),
  },
  {
    name: "additionalProperties true dropped, schema kept",
    input: obj(
      { m: { type: "object", additionalProperties: { type: "string" } } },
      { additionalProperties: true },
    ),
    default: obj({ m: { type: "object", additionalProperties: { type: "string" } } }),
    gemini: gOpen({
      m: { description: 'Give it as a JSON object in text, e.g. {"key": "value"}.', type: "string" },
    }),
  },
  {
    name: "oneOf becomes anyOf; [X, null] folds into a nullable X",
    input: obj({
      a: { oneOf: [{ type: "string" }, { type: "integer" }] },
      b: { anyOf: [{ type: "string", format: "date" }, { type: "null" }], description: "Day" },
    }),
    default: obj({
      a: { anyOf: [{ type: "string" }, { type: "integer" }] },
      b: { description: "Day", type: ["string", "null"], format: "date" },
    }),
  },
  {
    name: "allOf of objects merged",
    input: obj({
      p: { allOf: [obj({ a: { type: "string" } }, { required: ["a"] }), obj({ b: { type: "number" } })] },
    }),
    default: obj({ p: obj({ a: { type: "string" }, b: { type: "number" } }, { required: ["a"] }) }),
  },
  {
    name: "root anyOf of objects merged, all optional",
    input: {
      anyOf: [
        obj({ id: { type: "string" } }, { required: ["id"] }),
        obj({ email: { type: "string" } }, { required: ["email"] }),
      ],
    },
    default: obj({ id: { type: "string" }, email: { type: "string" } }),
    strict: sOpen(
      {
        id: { description: "Null: left out.", type: ["string", "null"] },
        email: { description: "Null: left out.", type: ["string", "null"] },
      },
      { required: ["id", "email"] },
    ),
  },
  {
    name: "non-object root becomes the property `input`",
    input: { type: "array", items: { type: "string" }, description: "Ids" },
    default: obj(
      { input: { description: "Ids", type: "array", items: { type: "string" } } },
      { description: "Ids", required: ["input"] },
    ),
  },
  {
    name: "draft-04 exclusive bounds and zod's safe-integer bounds",
    input: obj({
      n: { type: "number", minimum: 0, exclusiveMinimum: true },
      i: { type: "integer", minimum: -9007199254740991 },
    }),
    default: obj({ n: { type: "number", exclusiveMinimum: 0 }, i: { type: "integer" } }),
  },
  {
    name: "invalid pattern dropped; malformed numbers dropped",
    input: obj({ s: { type: "string", pattern: "(", minLength: -1, maxLength: "3" } }),
    default: obj({ s: { type: "string" } }),
  },
  {
    name: "gemini: non-string enum and const stringified",
    input: obj({ level: { type: "integer", enum: [1, 2, 3] }, on: { const: true } }),
    default: obj({ level: { type: "integer", enum: [1, 2, 3] }, on: { const: true } }),
    gemini: gOpen({
      level: {
        description: "Numbers and booleans are given as text.",
        type: "string",
        enum: ["1", "2", "3"],
      },
      on: { description: "Numbers and booleans are given as text.", type: "string", enum: ["true"] },
    }),
    strict: sOpen(
      {
        level: { description: "Null: left out.", type: ["integer", "null"], enum: [1, 2, 3, null] },
        on: { description: "Null: left out.", type: ["boolean", "null"], enum: [true, null] },
      },
      { required: ["level", "on"] },
    ),
  },
  {
    name: "gemini: anyOf of objects merged inside a property",
    input: obj({
      who: {
        anyOf: [obj({ id: { type: "string" } }, { required: ["id"] }), obj({ email: { type: "string" } })],
      },
    }),
    // Each alternative's own rules (`id` required in the first) are said in words.
    gemini: gOpen({
      who: gOpen(
        { id: { type: "string" }, email: { type: "string" } },
        { description: "Give one of these shapes: (1) required `id`; (2) `email`." },
      ),
    }),
  },
  {
    name: "property names clients take are kept; others renamed",
    input: obj(
      {
        "first name": { type: "string" },
        __proto__x: { type: "string" },
        "data.id": { type: "number" },
        constructor: { type: "string" },
        "": { type: "string" },
      },
      { required: ["first name"] },
    ),
    default: obj(
      {
        first_name: { description: 'Sent as "first name".', type: "string" },
        __proto__x: { type: "string" },
        "data.id": { type: "number" },
        constructor_: { description: 'Sent as "constructor".', type: "string" },
        property: { description: 'Sent as "".', type: "string" },
      },
      { required: ["first_name"] },
    ),
  },
];

const profiles: Array<[SchemaProfile, keyof Case]> = [
  ["default", "default"],
  ["gemini", "gemini"],
  ["openai-strict", "strict"],
];

describe.each(profiles)("profile %s", (profile, field) => {
  test.each(cases)("$name", (row) => {
    const result = normalizeSchema(row.input, profile);
    expect(schemaProblems(result.schema, profile)).toEqual([]);
    if (row[field] !== undefined) expect(result.schema).toEqual(row[field]);
  });
});

describe("notes and description", () => {
  test("Membrane $ref note names the property and the schema", () => {
    const { notes } = normalizeSchema(obj({ customer: { $ref: "customer" } }), "default");
    expect(notes).toContain('`customer` refers to Membrane schema "customer": any value accepted');
  });

  test("a merged root anyOf explains its alternatives and keeps them for validation", () => {
    const result = normalizeSchema(
      {
        oneOf: [
          obj({ id: { type: "string" } }, { required: ["id"] }),
          { title: "By email", ...obj({ email: { type: "string" } }, { required: ["email"] }) },
        ],
      },
      "default",
    );
    expect(result.description).toBe(
      "Give one of these argument sets: (1) required `id`; (2) By email: required `email`.",
    );
    expect(result.validationSchema.anyOf).toHaveLength(2);
    expect(result.schema).not.toHaveProperty("anyOf");
  });

  test("no description when nothing to add; validationSchema is the advertised object", () => {
    const result = normalizeSchema(obj({ a: { type: "string" } }), "default");
    expect(result.description).toBeUndefined();
    expect(result.validationSchema).toBe(result.schema);
  });

  test("key order is stable whatever the input order", () => {
    const a = normalizeSchema(
      { properties: { x: { maxLength: 3, type: "string", title: "X" } }, type: "object" },
      "default",
    );
    expect(JSON.stringify(a.schema)).toBe(
      '{"type":"object","properties":{"x":{"title":"X","type":"string","maxLength":3}}}',
    );
  });

  test("a root that accepts nothing is a SchemaConversionError", () => {
    expect(() => normalizeSchema(false, "default")).toThrow(SchemaConversionError);
  });
});

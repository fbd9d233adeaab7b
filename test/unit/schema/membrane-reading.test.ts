/**
 * The converter reads a schema as Membrane reads it, and every profile checks the decoded input against
 * that faithful reading (issue #10): each test names a finding that once let a wrong input through or
 * refused a right one.
 */
import { describe, expect, test } from "vitest";
import type { SchemaProfile } from "../../../src/config.js";
import { schemaProblems } from "../../../src/schema/invariants.js";
import { normalizeSchema } from "../../../src/schema/normalize.js";

const PROFILES: SchemaProfile[] = ["default", "gemini", "openai-strict"];
const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "object",
  properties,
  ...extra,
});
const accepted = (schema: unknown, profile: SchemaProfile, args: Record<string, unknown>) =>
  normalizeSchema(schema, profile).check(args);

describe.each(PROFILES)("required, in profile %s", (profile) => {
  test("required in one allOf member, the property in another (Customer.io send-email)", () => {
    const sendEmail = {
      allOf: [
        { type: "object", required: ["to"] },
        obj({ transactional_message_id: { type: "integer" }, to: { type: "string" } }),
      ],
    };
    expect(accepted(sendEmail, profile, { transactional_message_id: 3 })).toEqual({
      ok: false,
      problems: ["missing required argument `to`"],
    });
    expect(accepted(sendEmail, profile, { transactional_message_id: 3, to: "a@b.io" }).ok).toBe(true);
  });

  test("anyOf: [{required: [to]}, {required: [cc]}] means at least one, and says so", () => {
    const schema = obj(
      { to: { type: "string" }, cc: { type: "string" } },
      {
        anyOf: [{ required: ["to"] }, { required: ["cc"] }],
      },
    );
    const n = normalizeSchema(schema, profile);
    expect(n.check({}).ok).toBe(false);
    expect(n.check({ cc: "x" })).toEqual({ ok: true, input: { cc: "x" } });
    // (Strict mode adds what it cannot carry: null for an optional argument means "left out".)
    expect(n.description).toMatch(
      /^Give at least one of: \(1\) required `to`; \(2\) required `cc`\.( Null .*run_action\.)?$/,
    );
  });
});

describe("as Membrane reads it (default profile)", () => {
  test("null stays where the schema allows it: type arrays, nullable, enums", () => {
    const schema = obj({
      a: { type: ["string", "null"] },
      b: { type: "string", nullable: true },
      c: { type: "string", enum: ["x", null] },
      d: { type: "string" },
    });
    expect(accepted(schema, "default", { a: null, b: null, c: null }).ok).toBe(true);
    expect(accepted(schema, "default", { d: null }).ok).toBe(false);
  });

  test("formats are annotations", () => {
    const schema = obj({
      at: { type: "string", format: "date-time" },
      from: { type: "string", format: "email" },
      time: { type: "string", format: "time" },
    });
    for (const profile of PROFILES) {
      const args = { at: "2025-03-01T10:00:00", from: "Sarah <sarah@example.io>", time: "10:00" };
      expect(accepted(schema, profile, profile === "openai-strict" ? args : args).ok).toBe(true);
    }
  });

  test("allowCustom lifts a plain enum and a pick-list", () => {
    const schema = obj({
      plan: { type: "string", enum: ["free", "pro"], allowCustom: true },
      segment: { type: "string", referenceRecords: [{ id: "s1", name: "VIP" }], allowCustom: true },
    });
    const n = normalizeSchema(schema, "default");
    expect(n.check({ plan: "platinum", segment: "s9" }).ok).toBe(true);
    expect(JSON.stringify(n.schema)).toContain('Known values: \\"free\\", \\"pro\\"; others allowed.');
  });

  test("referenceRecords is an enum of ids; readOnly ignored; oneOf as anyOf; a Membrane $ref any value", () => {
    const schema = obj(
      {
        segment: { type: "string", referenceRecords: [{ id: "s1", name: "VIP" }] },
        id: { type: "string", readOnly: true },
        v: { oneOf: [{ type: "string" }, { type: "string", maxLength: 3 }] },
        customer: { $ref: "customer" },
      },
      { required: ["id"] },
    );
    const n = normalizeSchema(schema, "default");
    expect(n.check({ segment: "s1", v: "abcd", customer: [1, { x: 2 }] }).ok).toBe(true);
    expect(n.check({ segment: "VIP" }).ok).toBe(false);
  });

  test("keys clients refuse are renamed, and Membrane receives the original keys", () => {
    const schema = obj(
      { "first name": { type: "string" }, constructor: { type: "integer" }, nested: obj({ "a b": {} }) },
      { required: ["first name"] },
    );
    for (const profile of PROFILES) {
      const n = normalizeSchema(schema, profile);
      expect(schemaProblems(n.schema, profile)).toEqual([]);
      const hatch = profile === "default" ? [] : ["other_properties_json"]; // the open root's other keys
      expect(Object.keys(n.schema.properties)).toEqual(["first_name", "constructor_", "nested", ...hatch]);
      const args: Record<string, unknown> = { first_name: "Ann", constructor_: 2, nested: { a_b: 1 } };
      if (profile === "openai-strict") expect(n.check(args).ok).toBe(true);
      else
        expect(n.check(args)).toEqual({
          ok: true,
          input: { "first name": "Ann", constructor: 2, nested: { "a b": 1 } },
        });
      expect(n.check({ constructor_: "two" }).ok).toBe(false);
    }
  });

  test("unions of unions are flattened", () => {
    const schema = obj({
      entity: {
        anyOf: [
          { anyOf: [obj({ id: { type: "string" } }), obj({ email: { type: "string" } })] },
          { type: "integer" },
        ],
      },
    });
    const entity = normalizeSchema(schema, "default").schema.properties.entity as { anyOf: unknown[] };
    expect(entity.anyOf).toHaveLength(3);
  });
});

describe("profiles decode back to what the faithful schema means", () => {
  test("the strict union decoder picks the branch that matches, so placeholder nulls go", () => {
    const schema = obj(
      {
        who: {
          anyOf: [
            obj({ a: { type: "string" }, b: { type: "string" } }, { required: ["a"] }),
            obj({ x: { type: "integer" }, y: { type: "integer" } }, { required: ["x"] }),
          ],
        },
      },
      { required: ["who"] },
    );
    const args = { who: { x: 1, y: null, other_properties_json: null }, other_properties_json: null };
    expect(accepted(schema, "openai-strict", args)).toEqual({
      ok: true,
      input: { who: { x: 1 } },
    });
  });

  test("strict mode keeps an open object open through one JSON-text property", () => {
    const identify = obj({ id: { type: "string" } }, { required: ["id"], additionalProperties: true });
    const n = normalizeSchema(identify, "openai-strict");
    expect(schemaProblems(n.schema, "openai-strict")).toEqual([]);
    expect(n.check({ id: "1", other_properties_json: '{"plan":"pro"}' })).toEqual({
      ok: true,
      input: { id: "1", plan: "pro" },
    });
    expect(n.check({ id: "1", other_properties_json: "plan=pro" }).ok).toBe(false);
  });

  test("strict nesting stops at 10 levels; deeper parts are JSON text", () => {
    let deep: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 14; i++) deep = obj({ d: deep }, { required: ["d"] });
    const n = normalizeSchema(deep, "openai-strict");
    expect(schemaProblems(n.schema, "openai-strict")).toEqual([]);
    expect(JSON.stringify(n.schema)).toContain("JSON");
  });

  test('JSON text is JSON: a string is quoted, so "42" and 42 stay apart; text that is no JSON is a string', () => {
    const schema = obj({ v: { type: ["string", "integer"] }, any: {} });
    const n = normalizeSchema(schema, "gemini");
    expect(n.check({ v: '"42"', any: "42" })).toEqual({ ok: true, input: { v: "42", any: 42 } });
    expect(n.check({ v: "42" })).toEqual({ ok: true, input: { v: 42 } });
    expect(n.check({ v: "abc" })).toEqual({ ok: true, input: { v: "abc" } });
    expect(n.check({ v: "true" }).ok).toBe(false); // true: neither a string nor an integer
  });

  test('enum [1, "1"] does not collapse in gemini', () => {
    const n = normalizeSchema(obj({ e: { enum: [1, "1"] } }), "gemini");
    expect(n.check({ e: '"1"' })).toEqual({ ok: true, input: { e: "1" } });
    expect(n.check({ e: "1" })).toEqual({ ok: true, input: { e: 1 } });
  });

  test("what a profile drops is said in the description", () => {
    const schema = obj({
      limit: { type: "integer", minimum: 1, maximum: 100, default: 20 },
      name: { type: "string", maxLength: 150 },
    });
    const gemini = JSON.stringify(normalizeSchema(schema, "gemini").schema);
    expect(gemini).toContain("Default: 20. Minimum: 1. Maximum: 100.");
    expect(JSON.stringify(normalizeSchema(schema, "openai-strict").schema)).toContain("Maximum length: 150.");
  });

  test("the explanation of alternatives keeps every required field within the room", () => {
    const alternatives = Array.from({ length: 8 }, (_, i) => ({
      title: `A rather long title for the alternative number ${i} that goes on`,
      ...obj(
        Object.fromEntries(Array.from({ length: 30 }, (_, j) => [`field_${i}_${j}`, { type: "string" }])),
        {
          required: [`must_${i}`, `field_${i}_0`],
          properties: {
            [`must_${i}`]: { type: "string" },
            ...Object.fromEntries(
              Array.from({ length: 30 }, (_, j) => [`field_${i}_${j}`, { type: "string" }]),
            ),
          },
        },
      ),
    }));
    const text = normalizeSchema({ anyOf: alternatives }, "default").description ?? "";
    expect(text.length).toBeLessThanOrEqual(600);
    for (let i = 0; i < 8; i++) expect(text).toContain(`\`must_${i}\``);
  });
});

test("a long action description is cut, never the alternatives' required fields", async () => {
  const { describeAction } = await import("../../../src/catalog/describe.js");
  const note = normalizeSchema(
    {
      anyOf: [
        obj({ id: { type: "string" } }, { required: ["id"] }),
        obj({ email: { type: "string" } }, { required: ["email"] }),
      ],
    },
    "default",
  ).description;
  const action = { id: "a1", name: "Identify", description: "word ".repeat(400) } as never;
  const text = describeAction(action, { highBlast: false } as never, note);
  expect(text.length).toBeLessThanOrEqual(1024);
  expect(text.endsWith("(1) required `id`; (2) required `email`.")).toBe(true);
});

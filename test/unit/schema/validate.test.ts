/**
 * Validation against the advertised schema (Ajv), the wording of its problems, the compiled-validator
 * cache, and toActionInput, which undoes what a profile changed in how arguments are sent.
 */
import { describe, expect, test } from "vitest";
import { normalizeSchema } from "../../../src/schema/normalize.js";
import { compileValidator } from "../../../src/schema/validate.js";

const customer = {
  type: "object",
  properties: {
    query: { type: "string" },
    limit: { type: "integer", maximum: 50 },
    customer: {
      type: "object",
      properties: {
        email: { type: "string", format: "email" },
        since: { type: "string", format: "date-time" },
      },
    },
    kind: { type: "string", enum: ["person", "company"] },
    lines: {
      type: "array",
      items: { type: "object", properties: { sku: { type: "string" } }, required: ["sku"] },
    },
    shape: { type: "string", format: "membrane-shape" },
  },
  required: ["query"],
  additionalProperties: false,
};

describe("compileValidator", () => {
  const check = compileValidator(normalizeSchema(customer, "default").validationSchema);

  test("accepts valid arguments, ignoring unknown formats", () => {
    expect(check({ query: "x", limit: 5, customer: { email: "a@b.co" }, shape: "anything" })).toEqual({
      ok: true,
    });
  });

  test("names each offending argument and what was expected", () => {
    const result = check({
      limit: 51,
      customer: { email: "nope", since: "yesterday" },
      kind: "robot",
      lines: [{ qty: 1 }],
      foo: 1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        "missing required argument `query`",
        "`limit`: must be <= 50",
        '`kind`: must be one of "person", "company"',
        "missing required argument `lines[0].sku`",
        "unexpected argument `foo`",
      ]),
    );
  });

  test("a non-object is reported plainly", () => {
    expect(check("hello")).toEqual({ ok: false, problems: ["the arguments must be an object"] });
  });

  test("root alternatives are checked and reported together", () => {
    const identify = normalizeSchema(
      {
        anyOf: [
          { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
          { type: "object", properties: { email: { type: "string" } }, required: ["email"] },
        ],
      },
      "default",
    );
    const validate = compileValidator(identify.validationSchema);
    expect(validate({ id: "1" })).toEqual({ ok: true });
    expect(validate({})).toEqual({
      ok: false,
      problems: [
        "the arguments: must match one of: (1) missing required argument `id`; (2) missing required argument `email`",
      ],
    });
  });

  test("compiled once per schema text, shared by equal schemas", () => {
    const schema = { type: "object", properties: { a: { type: "string" } } };
    const first = compileValidator(schema);
    const second = compileValidator(JSON.parse(JSON.stringify(schema)));
    expect(first({ a: 1 })).toEqual(second({ a: 1 }));
    expect(first({ a: "x" })).toEqual({ ok: true });
  });
});

describe("toActionInput", () => {
  test("default profile: identity", () => {
    const n = normalizeSchema(customer, "default");
    const args = { query: "x", customer: { email: "a@b.co" } };
    expect(n.toActionInput(args)).toEqual(args);
  });

  test("openai-strict: nulls for originally optional properties are removed, recursively", () => {
    const n = normalizeSchema(customer, "openai-strict");
    const args = {
      query: "x",
      limit: null,
      // Open objects take other properties through one JSON-text property: null leaves it out.
      customer: { email: null, since: "2024-01-01T00:00:00Z", other_properties_json: null },
      kind: null,
      lines: [{ sku: "a", other_properties_json: null }],
      shape: null,
    };
    expect(compileValidator(n.validationSchema)(args)).toEqual({ ok: true });
    expect(n.toActionInput(args)).toEqual({
      query: "x",
      customer: { since: "2024-01-01T00:00:00Z" },
      lines: [{ sku: "a" }],
    });
  });

  test("openai-strict: a required property may not be null; root alternatives still apply", () => {
    const n = normalizeSchema(
      {
        oneOf: [
          { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
          { type: "object", properties: { email: { type: "string" } }, required: ["email"] },
        ],
      },
      "openai-strict",
    );
    const validate = compileValidator(n.validationSchema);
    const open = { other_properties_json: null }; // the open root's other properties: none
    expect(validate({ id: "1", email: null, ...open })).toEqual({ ok: true });
    expect(validate({ id: null, email: null, ...open }).ok).toBe(false);
    expect(n.toActionInput({ id: "1", email: null, ...open })).toEqual({ id: "1" });
  });

  test("gemini: JSON text parsed and stringified enums mapped back", () => {
    const n = normalizeSchema(
      {
        type: "object",
        properties: {
          attributes: { type: "object", additionalProperties: true },
          level: { type: "integer", enum: [1, 2] },
          tags: { type: "array", items: { $ref: "tag" } },
        },
      },
      "gemini",
    );
    const args = { attributes: '{"plan":"pro"}', level: "2", tags: ['{"a":1}', "plain"] };
    expect(compileValidator(n.validationSchema)(args)).toEqual({ ok: true });
    expect(n.toActionInput(args)).toEqual({
      attributes: { plan: "pro" },
      level: 2,
      tags: [{ a: 1 }, "plain"],
    });
  });

  test("a non-object root is unwrapped from `input`", () => {
    const n = normalizeSchema({ type: "array", items: { type: "string" } }, "default");
    expect(n.schema.required).toEqual(["input"]);
    expect(n.toActionInput({ input: ["a"] })).toEqual(["a"]);
  });

  test("a property named __proto__ is renamed, checked and mapped back to an own __proto__ key; so is constructor", () => {
    const input = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"string"},"constructor":{"type":"string"}},"required":["__proto__","constructor"]}',
    );
    const n = normalizeSchema(input, "openai-strict");
    expect(Object.keys(n.schema.properties)).toEqual(["proto", "constructor_", "other_properties_json"]);
    expect(n.check({ proto: 1, constructor_: "x" }).ok).toBe(false);
    expect(n.check({ constructor_: "x", proto: null }).ok).toBe(false);
    const checked = n.check({ proto: "p", constructor_: "x" });
    expect(checked.ok && JSON.stringify(checked.input)).toBe('{"__proto__":"p","constructor":"x"}');
    expect(n.checkPlain(JSON.parse('{"constructor":"x"}')).ok).toBe(false);
    expect(n.checkPlain(JSON.parse('{"__proto__":"p","constructor":"x"}')).ok).toBe(true);
  });
});

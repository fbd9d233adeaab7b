/**
 * What each client dialect can be shown (issue #19), beyond what the corpus differential checks: Vertex's
 * rule for parameter names, OpenAI strict mode's nesting and enum limits, an anyOf that strict mode can
 * only send as text, and the words that stand for keywords no client takes.
 */
import { describe, expect, test } from "vitest";
import { schemaProblems } from "../../../src/schema/invariants.js";
import { normalizeSchema } from "../../../src/schema/normalize.js";
import { compileValidator } from "../../../src/schema/validate.js";

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "object",
  properties,
  ...extra,
});

describe("gemini", () => {
  test("property names follow Vertex's rule and are mapped back", () => {
    const schema = obj({
      "utm-source": { type: "string" },
      "plan.tier": {},
      "2fa_enabled": { type: "boolean" },
    });
    const n = normalizeSchema(schema, "gemini");
    const names = Object.keys(n.schema.properties);
    for (const name of names) expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/);
    expect(schemaProblems(n.schema, "gemini")).toEqual([]);
    const args = { utm_source: "ad", plan_tier: '"pro"', _2fa_enabled: true };
    expect(n.check(args)).toEqual({
      ok: true,
      input: { "utm-source": "ad", "plan.tier": "pro", "2fa_enabled": true },
    });
  });
});

describe("openai-strict", () => {
  /** An object nested `below` levels under the root, holding one string. */
  const chain = (below: number): Record<string, unknown> => {
    let node: Record<string, unknown> = obj({ leaf: { type: "string" } }, { additionalProperties: false });
    for (let i = 0; i < below; i++) node = obj({ next: node }, { additionalProperties: false });
    return node;
  };
  const deepest = (schema: Record<string, unknown>): Record<string, unknown> => {
    let node = schema;
    while ((node.properties as Record<string, Record<string, unknown>>)?.next) {
      node = (node.properties as Record<string, Record<string, unknown>>).next!;
    }
    return node;
  };

  test("the root and every object are levels, arrays are not: ten levels are kept, the eleventh is text", () => {
    expect(deepest(normalizeSchema(chain(9), "openai-strict").schema).type).toEqual(["object", "null"]);
    const eleven = normalizeSchema(chain(10), "openai-strict").schema;
    expect(deepest(eleven).type).toEqual(["string", "null"]);
    expect(schemaProblems(eleven, "openai-strict")).toEqual([]);
    const inArrays = obj({ rows: { type: "array", items: chain(8) } }, { additionalProperties: false });
    expect(schemaProblems(normalizeSchema(inArrays, "openai-strict").schema, "openai-strict")).toEqual([]);
  });

  test("more than 1,000 enum values are described and still checked", () => {
    const values = Array.from({ length: 1_200 }, (_, i) => `s${i}`);
    const schema = obj({ id: { type: "string" }, segment: { enum: values } }, { required: ["id"] });
    const n = normalizeSchema(schema, "openai-strict");
    expect(schemaProblems(n.schema, "openai-strict")).toEqual([]);
    expect(JSON.stringify(n.schema)).toContain("One of 1200 allowed values");
    const open = { other_properties_json: null };
    expect(n.check({ id: "1", segment: "s1100", ...open }).ok).toBe(true);
    expect(n.check({ id: "1", segment: "s5000", ...open }).ok).toBe(false);
    expect(n.checkPlain({ segment: "s1" }).ok).toBe(false);
  });

  test("a schema past strict mode's limits takes the whole input as JSON text, still checked", () => {
    const properties = Object.fromEntries(
      Array.from({ length: 5_001 }, (_, i) => [`p${i}`, { type: "string" }]),
    );
    const n = normalizeSchema(
      obj({ id: { type: "string" }, ...properties }, { required: ["id"] }),
      "openai-strict",
    );
    expect(schemaProblems(n.schema, "openai-strict")).toEqual([]);
    expect(Object.keys(n.schema.properties)).toEqual(["input_json"]);
    expect(n.check({ input_json: '{"id": "1", "p7": "x"}' })).toEqual({
      ok: true,
      input: { id: "1", p7: "x" },
    });
    expect(n.check({ input_json: '{"p7": "x"}' }).ok).toBe(false); // the required id is missing
    expect(n.check({ input_json: "not json" }).ok).toBe(false);
    expect(n.checkPlain({ p7: "x" }).ok).toBe(false);
  });

  test("an anyOf of a free-form object and a string is one JSON text, read either way", () => {
    const schema = obj(
      { payload: { anyOf: [{ type: "object" }, { type: "string" }] } },
      { additionalProperties: false },
    );
    const n = normalizeSchema(schema, "openai-strict");
    // Two string branches (text for the object, the plain string) could not be told apart on decode.
    const payload = n.schema.properties.payload as Record<string, unknown>;
    expect(payload.anyOf).toBeUndefined();
    expect(payload.description).toMatch(/a string in quotes/);
    expect(n.check({ payload: '"123"' })).toEqual({ ok: true, input: { payload: "123" } });
    expect(n.check({ payload: '{"a":1}' })).toEqual({ ok: true, input: { payload: { a: 1 } } });
    expect(n.check({ payload: JSON.stringify('{"a":1}') })).toEqual({
      ok: true,
      input: { payload: '{"a":1}' },
    });
  });
});

describe("every profile", () => {
  test.each(["default", "gemini", "openai-strict"] as const)(
    "%s: a tuple's later elements take `items`",
    (profile) => {
      const row = { type: "array", prefixItems: [{ type: "string" }], items: { type: "number" } };
      const n = normalizeSchema(obj({ row }, { additionalProperties: false }), profile);
      // Gemini has no union: each element is JSON text there.
      const args = profile === "gemini" ? { row: ['"a"', "1", "2"] } : { row: ["a", 1, 2] };
      expect(compileValidator(n.validationSchema)(args)).toEqual({ ok: true });
      expect(n.check(args)).toEqual({ ok: true, input: { row: ["a", 1, 2] } });
      expect(n.checkPlain({ row: ["a", 1, 2] }).ok).toBe(true);
      expect(n.checkPlain({ row: ["a", "b"] }).ok).toBe(false);
    },
  );

  test.each(["default", "gemini", "openai-strict"] as const)(
    "%s: keywords no client takes are said and checked",
    (profile) => {
      const schema = obj(
        {
          amount: { type: "number", multipleOf: 0.5 },
          card: { type: "string" },
          billing: { type: "string" },
        },
        { dependentRequired: { card: ["billing"] }, maxProperties: 2 },
      );
      const n = normalizeSchema(schema, profile);
      const text = JSON.stringify(n.schema);
      expect(text).toContain("A multiple of 0.5.");
      expect(text).toContain("With `card`, also give `billing`.");
      expect(text).toContain("At most 2 properties.");
      expect(n.checkPlain({ amount: 1.2 }).ok).toBe(false);
      expect(n.checkPlain({ card: "1" }).ok).toBe(false);
      expect(n.checkPlain({ amount: 1, card: "1", billing: "b" }).ok).toBe(false);
      expect(n.checkPlain({ card: "1", billing: "b" }).ok).toBe(true);
    },
  );
});

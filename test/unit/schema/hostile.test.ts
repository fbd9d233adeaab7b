/**
 * Hostile schemas cannot stall the server: patterns run on RE2 (a pattern RE2 cannot run is described
 * instead of checked, which is how these tests know RE2 is the engine), so a catastrophic-backtracking
 * pattern answers correctly (the backtracking engine took 26-53 s on the same input, past the test's
 * timeout), and an allOf of 1,600 members folds with every property kept. How long they take is measured
 * in the bench (rows 4b and 4c, as ratios), not asserted here: wall-clock limits fail on a loaded machine.
 */
import { describe, expect, test } from "vitest";
import { normalizeSchema } from "../../../src/schema/normalize.js";

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "object",
  properties,
  ...extra,
});

describe("patterns", () => {
  test("a catastrophic-backtracking pattern is matched in linear time", () => {
    const n = normalizeSchema(obj({ name: { type: "string", pattern: "^(\\w+\\s?)*$" } }), "default");
    n.check({ name: "warm up" });
    expect(n.check({ name: `${"a".repeat(29)}!` }).ok).toBe(false);
    expect(n.check({ name: "hello world" }).ok).toBe(true);
    expect(n.check({ name: `${"a ".repeat(50_000)}!` }).ok).toBe(false);
  });

  test("a pattern RE2 cannot run (lookahead, backreference) is described, not enforced", () => {
    const n = normalizeSchema(obj({ code: { type: "string", pattern: "^(?=a)(a+)+\\1$" } }), "default");
    expect(n.schema.properties.code).toEqual({
      description: "Pattern (not checked): ^(?=a)(a+)+\\1$",
      type: "string",
    });
    expect(n.check({ code: `${"a".repeat(40)}!` }).ok).toBe(true);
  });
});

describe("allOf", () => {
  const members = (count: number) =>
    Array.from({ length: count }, (_, i) => obj({ [`p${i}`]: { type: "string" } }, { required: [`p${i}`] }));

  test("1,600 members fold into one object with every property and requirement kept", () => {
    const large = normalizeSchema({ allOf: members(1_600) }, "default");
    expect(Object.keys(large.schema.properties)).toHaveLength(1_600);
    expect(large.schema.required).toHaveLength(1_600);
  });
});

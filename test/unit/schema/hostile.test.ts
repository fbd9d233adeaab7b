/**
 * Hostile schemas cannot stall the server: any pattern against any input up to the input limit is matched
 * in linear time (RE2), a pattern RE2 cannot run is described instead of checked, and folding an allOf
 * grows linearly with its members. Times are CPU-bound and measured on this (shared, slow) machine, so
 * the limits leave room: the backtracking engine took 26-53 s on the same input.
 */
import { describe, expect, test } from "vitest";
import { normalizeSchema } from "../../../src/schema/normalize.js";

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "object",
  properties,
  ...extra,
});

function timed<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

describe("patterns", () => {
  test("a catastrophic-backtracking pattern is matched in linear time", () => {
    const n = normalizeSchema(obj({ name: { type: "string", pattern: "^(\\w+\\s?)*$" } }), "default");
    n.check({ name: "warm up" });
    const [result, ms] = timed(() => n.check({ name: `${"a".repeat(29)}!` }));
    expect(result.ok).toBe(false);
    expect(ms).toBeLessThan(100);
    expect(n.check({ name: "hello world" }).ok).toBe(true);
    const [, longMs] = timed(() => n.check({ name: `${"a ".repeat(50_000)}!` }));
    expect(longMs).toBeLessThan(1_000);
  });

  test("a pattern RE2 cannot run (lookahead, backreference) is described, not enforced", () => {
    const n = normalizeSchema(obj({ code: { type: "string", pattern: "^(?=a)(a+)+\\1$" } }), "default");
    expect(n.schema.properties.code).toEqual({
      description: "Pattern (not checked): ^(?=a)(a+)+\\1$",
      type: "string",
    });
    const [result, ms] = timed(() => n.check({ code: `${"a".repeat(40)}!` }));
    expect(result.ok).toBe(true);
    expect(ms).toBeLessThan(100);
  });
});

describe("allOf", () => {
  const members = (count: number) =>
    Array.from({ length: count }, (_, i) => obj({ [`p${i}`]: { type: "string" } }, { required: [`p${i}`] }));

  test("1,600 members fold in about 16 times the time of 100 (linear), all properties kept", () => {
    normalizeSchema({ allOf: members(100) }, "default");
    const [small, smallMs] = timed(() => normalizeSchema({ allOf: members(100) }, "default"));
    const [large, largeMs] = timed(() => normalizeSchema({ allOf: members(1_600) }, "default"));
    expect(Object.keys(small.schema.properties)).toHaveLength(100);
    expect(Object.keys(large.schema.properties)).toHaveLength(1_600);
    expect(large.schema.required).toHaveLength(1_600);
    // Quadratic merging took 334 ms for 1,600; linear is well under that, whatever the machine's noise.
    expect(largeMs).toBeLessThan(Math.max(150, smallMs * 40));
  });
});

/**
 * The corpus and its reference reading agree: every input a corpus schema lists as accepted is accepted by
 * the reference, every input listed as rejected is rejected; and the reference's own rules, one by one.
 */
import { describe, expect, test } from "vitest";
import { CORPUS_FILES, corpusToolName, loadCorpus } from "./corpus.js";
import { plainSchema, referenceValidator } from "./reference.js";

const corpus = loadCorpus();

describe("the corpus", () => {
  test("has 60 or more schemas with unique ids and tool-safe names", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.map((entry) => entry.id)).size).toBe(corpus.length);
    for (const entry of corpus) expect(corpusToolName(entry)).toMatch(/^[a-z0-9_]{1,40}$/);
    expect(CORPUS_FILES.length).toBe(5);
  });

  test.each(corpus.map((entry) => [entry.id, entry] as const))("%s: the reference agrees", (_id, entry) => {
    const accepts = referenceValidator(entry.schema);
    for (const input of entry.accept) expect(accepts(input), JSON.stringify(input)).toBe(true);
    for (const input of entry.reject) expect(accepts(input), JSON.stringify(input)).toBe(false);
    expect(entry.accept.length + entry.reject.length).toBeGreaterThan(0);
  });
});

describe("the reference reading", () => {
  const accepts = (schema: unknown, value: unknown) => referenceValidator(schema)(value);

  test("formats are annotations", () => {
    expect(accepts({ type: "string", format: "email" }, "nope")).toBe(true);
  });
  test("allowCustom lifts an enum and a pick-list", () => {
    expect(accepts({ enum: ["a"], allowCustom: true }, "b")).toBe(true);
    expect(accepts({ referenceRecords: [{ id: "a" }], allowCustom: true }, "b")).toBe(true);
    expect(accepts({ enum: ["a"] }, "b")).toBe(false);
  });
  test("referenceRecords is an enum of ids", () => {
    expect(accepts({ referenceRecords: [{ id: "a", name: "A" }] }, "a")).toBe(true);
    expect(accepts({ referenceRecords: [{ id: "a", name: "A" }] }, "A")).toBe(false);
  });
  test("read-only properties are ignored on input", () => {
    const schema = {
      type: "object",
      properties: { id: { type: "string", readOnly: true } },
      required: ["id"],
    };
    expect(accepts(schema, {})).toBe(true);
    expect(accepts(schema, { id: 5 })).toBe(true);
  });
  test("nullable allows null; oneOf reads as anyOf; a Membrane $ref accepts anything", () => {
    expect(accepts({ type: "string", nullable: true }, null)).toBe(true);
    expect(accepts({ type: "string" }, null)).toBe(false);
    expect(accepts({ oneOf: [{ type: "string" }, { type: "string" }] }, "a")).toBe(true);
    expect(accepts({ $ref: "customer" }, { any: ["thing"] })).toBe(true);
    expect(plainSchema({ $ref: "#/definitions/x" })).toEqual({ $ref: "#/definitions/x" });
  });
  test("__proto__ is a property like any other", () => {
    const schema = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}');
    expect(accepts(schema, JSON.parse('{"__proto__":5}'))).toBe(false);
    expect(accepts(schema, JSON.parse('{"__proto__":"x"}'))).toBe(true);
  });
});

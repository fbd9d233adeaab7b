/**
 * search_actions' matches: schemas of actions outside the catalog are converted once per schema, and a
 * result over the cap is shortened match by match, never emptied.
 */
import { describe, expect, it } from "vitest";
import { ActionSchema } from "../../../src/membrane/contract/records.js";
import { describeMatch, fitMatches, type Match, SchemaMemo } from "../../../src/tools/search-matches.js";

describe("SchemaMemo", () => {
  it("converts a schema once and reuses it, and converts a changed schema again", () => {
    const memo = new SchemaMemo({ config: { schemaProfile: "default" } as never });
    const schema = { type: "object", properties: { id: { type: "string" } } };
    const action = ActionSchema.parse({ id: "a", name: "A", inputSchema: schema });
    const first = memo.get(action);
    expect(first.schema).toMatchObject({ type: "object", properties: { id: { type: "string" } } });
    expect(memo.get(ActionSchema.parse({ id: "a", name: "A", inputSchema: structuredClone(schema) }))).toBe(
      first,
    );
    const changed = ActionSchema.parse({
      id: "a",
      name: "A",
      inputSchema: { type: "object", properties: {} },
    });
    expect(memo.get(changed)).not.toBe(first);
  });
});

describe("describeMatch for an action outside the catalog", () => {
  it("describes it by the catalog's rules: the caution of a high-blast action, and its annotations", () => {
    const services = { config: { schemaProfile: "default", readOnly: false, tools: undefined } as never };
    const action = ActionSchema.parse({
      id: "send",
      key: "send-transactional-email",
      name: "Send Transactional Email",
      description: "Sends an email now.",
      type: "connector-operation",
      inputSchema: { type: "object", properties: {} },
    });
    const match = describeMatch(services, new SchemaMemo(services), action, undefined, { has: () => false });
    expect(match.description).toMatch(/^CAUTION: this can send real messages[^\n]*\nSends an email now\.$/);
    expect(match.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
  });
});

describe("fitMatches", () => {
  const match = (id: string, size: number): Match => ({
    id,
    key: id,
    name: id,
    description: "d".repeat(size),
    type: "list-data-records",
    readOnly: true,
    annotations: { readOnlyHint: true },
    toolName: null,
    inputSchema: {
      type: "object",
      properties: Object.fromEntries(
        Array.from({ length: size / 50 }, (_, i) => [`p${i}`, { type: "string", enum: ["a".repeat(40)] }]),
      ),
    },
  });

  it("keeps every match and fits the cap, shortening the largest first", () => {
    const output = { matches: [match("small", 100), match("big", 20_000), match("mid", 2_000)] };
    expect(fitMatches(output, 8_000)).toBe(true);
    expect(JSON.stringify(output, null, 2).length).toBeLessThanOrEqual(8_000);
    expect(output.matches.map((m) => m.id)).toEqual(["small", "big", "mid"]);
    expect(output.matches[0]?.inputSchemaShortened).toBeUndefined();
    expect(output.matches[1]?.inputSchemaShortened).toBe(true);
  });

  it("leaves a result that fits alone", () => {
    const output = { matches: [match("small", 100)] };
    const before = JSON.stringify(output);
    expect(fitMatches(output, 40_000)).toBe(false);
    expect(JSON.stringify(output)).toBe(before);
  });
});

/**
 * A typed tool's structuredContent (catalog/output-contract.ts, output/result.ts): always sent, and its
 * `output` only when the value shown conforms to the action's output schema, whether a cut, `fields` or
 * the action itself made it differ. The advertised schema drops annotations but accepts the same values,
 * and output schemas fill the list's budget without ever pushing it over.
 */
import { describe, expect, it } from "vitest";
import {
  outputContract,
  outputSchemaChars,
  typedWithin,
  withoutAnnotations,
} from "../../../src/catalog/output-contract.js";
import { toCallToolResult } from "../../../src/output/result.js";

const LIST = {
  type: "object",
  properties: {
    customers: {
      type: "array",
      description: "The page.",
      items: {
        type: "object",
        properties: { id: { type: "string" }, email: { type: "string", format: "email" } },
      },
    },
  },
  required: ["customers"],
};
const contract = outputContract(LIST)!;
const customers = Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, email: `p${i}@example.com` }));
const meta = { actionRunId: "run-1" };

describe("outputContract", () => {
  it("wraps the faithful schema in the open {output, actionRunId} envelope, without annotations", () => {
    expect(contract.schema).toEqual({
      type: "object",
      properties: {
        output: {
          type: "object",
          properties: {
            customers: {
              type: "array",
              items: {
                type: "object",
                properties: { id: { type: "string" }, email: { type: "string", format: "email" } },
              },
            },
          },
          required: ["customers"],
        },
        actionRunId: { type: "string" },
      },
    });
  });

  it("checks formats as the SDK clients do", () => {
    expect(contract.accepts({ customers: [{ id: "1", email: "a@example.com" }] })).toBe(true);
    expect(contract.accepts({ customers: [{ id: "1", email: "not an email" }] })).toBe(false);
  });

  it("keeps a property named like an annotation, and data values as they are", () => {
    const schema = {
      type: "object",
      properties: { title: { type: "string", title: "Title" }, kind: { enum: [{ description: "x" }] } },
    };
    expect(withoutAnnotations(schema)).toEqual({
      type: "object",
      properties: { title: { type: "string" }, kind: { enum: [{ description: "x" }] } },
    });
  });

  it("types none for no schema, and a bare number output under `output`", () => {
    expect(outputContract(undefined)).toBeUndefined();
    const count = outputContract({ type: "integer", minimum: 0 })!;
    expect(count.schema.properties["output"]).toEqual({ type: "integer", minimum: 0 });
    expect(count.accepts(3)).toBe(true);
    expect(count.accepts(-1)).toBe(false);
  });
});

describe("typedWithin", () => {
  it("types entries in order while they fit the room, skipping one that does not", () => {
    const size = outputSchemaChars(contract);
    const small = outputContract({ type: "integer" })!;
    const entries = [{ output: contract }, { output: contract }, {}, { output: small }];
    const typed = typedWithin(entries, size + outputSchemaChars(small));
    expect([...typed]).toEqual([entries[0], entries[3]]);
  });
});

describe("toCallToolResult for a typed tool", () => {
  it("sends the whole output when it conforms", () => {
    const result = toCallToolResult({ data: { customers }, meta }, 40_000, contract.accepts);
    expect(result.structuredContent).toEqual({ output: { customers }, actionRunId: "run-1" });
  });

  it("sends the whole items a cut kept, which still conform", () => {
    const result = toCallToolResult({ data: { customers }, meta }, 1000, contract.accepts);
    const output = result.structuredContent?.["output"] as { customers: unknown[] };
    expect(output.customers.length).toBeGreaterThan(0);
    expect(output.customers.length).toBeLessThan(50);
    expect(output.customers).toEqual(customers.slice(0, output.customers.length));
  });

  it("leaves `output` out, and says so, when the action's result breaks its own schema", () => {
    const data = { customers: "none" };
    const result = toCallToolResult({ data, meta }, 40_000, contract.accepts);
    expect(result.structuredContent).toEqual({ actionRunId: "run-1" });
    expect(result.content[0]).toEqual({ type: "text", text: JSON.stringify(data) });
    expect(JSON.stringify(result.content)).toContain("does not match the action's declared output schema");
  });

  it("leaves `output` out when the text was cut inside one value", () => {
    const data = { customers: [], blob: "x".repeat(5000) };
    const result = toCallToolResult({ data, meta }, 1000, contract.accepts);
    expect(result.structuredContent).toEqual({ actionRunId: "run-1" });
  });

  it("leaves `output` out when `fields` kept a part that no longer conforms", () => {
    const data = { customers };
    const result = toCallToolResult({ data, meta, fields: ["next"] }, 40_000, contract.accepts);
    expect(result.structuredContent).toEqual({ actionRunId: "run-1" });
  });
});

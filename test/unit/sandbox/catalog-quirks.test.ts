// The catalog carries the DataSchema quirks the real Membrane catalog has, each on a known action.
import { beforeAll, describe, expect, it } from "vitest";
import { freshStateDir, type Loose, listAllActions } from "./helpers.js";

let byKey: Map<string, Loose>;
let all: Loose[];
beforeAll(async () => {
  all = (await listAllActions(await freshStateDir(), ["--limit=20"])).items;
  byKey = new Map(all.map((action) => [action.key, action]));
});

const props = (key: string) => byKey.get(key)?.inputSchema?.properties;
const normalize = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

describe("catalog quirks", () => {
  it("has at least 28 actions covering the Customer.io objects", () => {
    expect(all.length).toBeGreaterThanOrEqual(28);
    for (const key of [
      "list-customers",
      "trigger-broadcast",
      "send-transactional-email",
      "create-export",
      "track-event",
    ]) {
      expect(byKey.has(key)).toBe(true);
    }
  });

  it("has an action without inputSchema", () => {
    expect(byKey.get("list-segments")).not.toHaveProperty("inputSchema");
  });

  it("has pick-lists, reference collections and Membrane keywords", () => {
    expect(props("get-segment").segmentId.referenceRecords).toContainEqual({ id: "4", name: "Beta testers" });
    expect(props("add-people-to-segment").segmentId.referenceCollection).toMatchObject({ key: "segments" });
    expect(props("send-transactional-email").transactional_message_id.allowCustom).toBe(true);
    expect(props("send-transactional-email").body.isRichText).toBe(true);
    expect(props("track-event").timestamp.isImplied).toBe(true);
    expect(props("create-reporting-webhook").secret.isSensitive).toBe(true);
  });

  it("has the schema oddities clients must survive", () => {
    expect(props("add-people-to-segment").ids).toEqual(
      expect.not.objectContaining({ items: expect.anything() }),
    );
    expect(props("add-people-to-segment").ids.type).toBe("array");
    expect(props("suppress-customer").suppressed_at.readOnly).toBe(true);
    const unsuppress = byKey.get("unsuppress-customer").inputSchema;
    expect(unsuppress.required.filter((name: string) => !(name in unsuppress.properties))).toEqual([
      "customer_id",
    ]);
    expect(props("set-customer-attributes").email.type).toEqual(["string", "null"]);
    expect(props("update-customer").fields.$ref).toBe("customer");
    expect(props("create-customer").id.default).toEqual({ $var: "$.input.email" });
    const root = byKey.get("get-customer").inputSchema;
    expect(root.type).toBeUndefined();
    expect(root.anyOf).toHaveLength(2);
    expect(root.anyOf.every((branch: Loose) => branch.type === "object")).toBe(true);
  });

  it("uses default, enum, format, bounds and additionalProperties", () => {
    expect(props("list-customers").limit).toMatchObject({ minimum: 1, maximum: 100, default: 20 });
    expect(props("create-customer").plan.enum).toContain("enterprise");
    expect(props("create-customer").created_at.format).toBe("date-time");
    expect(props("create-customer").email.format).toBe("email");
    expect(props("create-manual-segment").name).toMatchObject({ minLength: 1, maxLength: 100 });
    expect(props("remove-people-from-segment").ids.maxItems).toBe(1000);
    expect(byKey.get("create-customer").inputSchema.additionalProperties).toBe(false);
  });

  it("has an empty key, an over-long key, colliding names and a not-ready action", () => {
    expect(all.filter((a) => a.key === "")).toHaveLength(1);
    expect(all.some((a) => a.key.length > 40)).toBe(true);
    const a = byKey.get("get-campaign-metrics").name;
    const b = byKey.get("get-campaign-metrics-v1").name;
    expect(a).not.toBe(b);
    expect(normalize(a)).toBe(normalize(b));
    expect(all.filter((action) => action.state && action.state !== "READY")).toHaveLength(1);
  });

  it("marks every action isReadOnly, as a published package's elements are, and carries some outputSchemas", () => {
    expect(byKey.get("list-customers").isReadOnly).toBe(true);
    expect(byKey.get("delete-customer").isReadOnly).toBe(true);
    expect(all.every((action) => action.isReadOnly === true)).toBe(true);
    expect(all.filter((action) => action.outputSchema).length).toBeGreaterThanOrEqual(3);
  });
});

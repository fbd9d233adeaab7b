/**
 * What an action does, from Membrane's action type and stated HTTP method only: isReadOnly, isPublic and
 * isCustomized never make an action a read; a person's vouching lifts unknown effects, never known writes.
 */
import { describe, expect, it } from "vitest";
import { actionEffects, statedMethod } from "../../../src/catalog/effects.js";
import { buildEntries } from "../../../src/catalog/entries.js";
import { selectDirectTools } from "../../../src/catalog/selection.js";
import { unusableReason } from "../../../src/catalog/usable.js";
import { type Action, ActionSchema } from "../../../src/membrane/contract/records.js";

const make = (type: string, extra: Record<string, unknown> = {}): Action =>
  ActionSchema.parse({ id: `id-${type}`, key: type, name: `Do ${type}`, type, ...extra });
const published = { isReadOnly: true, isPublic: true, isCustomized: false };

describe("actionEffects", () => {
  it.each([
    ["list-data-records", true],
    ["find-data-record-by-id", true],
    ["match-data-record", true],
    ["search-data-record", true],
    ["create-data-record", false],
    ["find-or-create-data-record", false],
    ["update-data-record", false],
    ["delete-data-record", false],
    ["connector-operation", false],
    ["api-request-to-external-app", false],
    ["api-request-to-your-app", false],
    ["http-request", false],
    ["run-javascript", false],
    ["api-request", false],
    ["", false],
    ["some-future-type", false],
  ])("%s reads only: %s, whatever isReadOnly says", (type, reads) => {
    expect(actionEffects(make(type, published)).readOnly).toBe(reads);
    expect(actionEffects(make(type)).readOnly).toBe(reads);
  });

  it("marks deletes and unknown effects destructive, plain writes not", () => {
    expect(actionEffects(make("delete-data-record", published))).toMatchObject({
      destructive: true,
      highBlast: true,
    });
    expect(actionEffects(make("connector-operation", published)).destructive).toBe(true);
    expect(actionEffects(make("create-data-record", published)).destructive).toBe(false);
    expect(actionEffects(make("list-data-records", published)).destructive).toBe(false);
  });

  it.each([
    ["Trigger Broadcast", true],
    ["Send Transactional Email", true],
    ["Unsubscribe Person", true],
    ["Broadcast Announcement", true],
    ["Newsletter Blast", true],
    ["Get Newsletter Content", false],
    // Issue #18: a count is never a send or a delete because of the object it names.
    ["Count Suppressed Customers", false],
    ["count-suppressed-customers", false],
    ["List Broadcast Metrics", false],
    ["Get Workspace Region", false],
  ])("%s (an operation of unknown effect) is high blast: %s", (name, highBlast) => {
    const operation = ActionSchema.parse({ id: "op", key: "", name, type: "connector-operation" });
    expect(actionEffects(operation).highBlast).toBe(highBlast);
  });

  it("counts a fixed GET stated in the record as a read, and nothing else", () => {
    const request = (method: unknown) =>
      make("api-request-to-external-app", { config: { request: { method, path: "/v1/x" } } });
    expect(actionEffects(request("GET"))).toMatchObject({ readOnly: true, basis: "fixed GET" });
    expect(actionEffects(request("get")).readOnly).toBe(true);
    expect(
      actionEffects(make("http-request", { config: { method: "GET", uri: "https://x" } })),
    ).toMatchObject({
      readOnly: true,
      arbitrary: true,
    });
    for (const method of ["POST", "DELETE", { $var: "$.input.method" }, undefined, ""])
      expect(actionEffects(request(method)).readOnly, JSON.stringify(method)).toBe(false);
    expect(actionEffects(make("api-request-to-external-app")).readOnly).toBe(false);
    // A connector operation's config says nothing about HTTP: a "method" there is not trusted.
    expect(actionEffects(make("connector-operation", { config: { method: "GET" } })).readOnly).toBe(false);
    expect(statedMethod(make("http-request", { config: "GET" }))).toBeUndefined();
  });

  it("lets a person vouch for unknown effects, never for Membrane's write types", () => {
    expect(actionEffects(make("connector-operation"), true)).toMatchObject({
      readOnly: true,
      basis: "vouched",
    });
    for (const type of ["create-data-record", "update-data-record", "delete-data-record"])
      expect(actionEffects(make(type), true).readOnly, type).toBe(false);
  });
});

describe("unusableReason", () => {
  it("skips what is not READY, deactivated or archived", () => {
    expect(unusableReason(make("list-data-records"))).toBeUndefined();
    expect(unusableReason(make("list-data-records", { state: "READY" }))).toBeUndefined();
    expect(unusableReason(make("list-data-records", { state: "SETUP_FAILED" }))).toMatch(/SETUP_FAILED/);
    expect(unusableReason(make("list-data-records", { isDeactivated: true }))).toBe("deactivated");
    expect(unusableReason(make("list-data-records", { archivedAt: "2025-01-01" }))).toBe("archived");
  });
});

describe("selection of http-request and run-javascript actions", () => {
  const entries = buildEntries(
    [make("http-request"), make("run-javascript"), make("list-data-records")],
    "default",
    new Set(),
  );
  const select = (include: string[] | undefined) =>
    selectDirectTools(entries, {
      readOnly: false,
      include,
      exclude: [],
      maxTools: 100,
      maxChars: 1e9,
      reservedCount: 0,
      reservedChars: 0,
      sizeOf: () => 1,
    });

  it("offers them only when named exactly in --tools, not by a glob", () => {
    expect(select(undefined).direct.map((e) => e.toolName)).toEqual(["list_data_records"]);
    expect(select(["*"]).omitted.filter((o) => o.reason === "arbitrary")).toHaveLength(2);
    expect(select(["http_request", "*"]).direct.map((e) => e.toolName)).toContain("http_request");
    expect(select(["run-javascript"]).direct.map((e) => e.toolName)).toEqual(["run_javascript"]);
  });
});

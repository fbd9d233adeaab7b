// `action list`: the Action shape, cursor paging that reaches every action once, intent ranking, extra actions.
import { beforeEach, describe, expect, it } from "vitest";
import { CONNECTION, freshStateDir, listAllActions, sandbox } from "./helpers.js";

const ACTION_TYPES = [
  "list-data-records",
  "find-data-record-by-id",
  "match-data-record",
  "search-data-record",
  "create-data-record",
  "find-or-create-data-record",
  "update-data-record",
  "delete-data-record",
  "connector-operation",
  "api-request-to-external-app",
  "api-request-to-your-app",
  "http-request",
  "run-javascript",
  "api-request",
];

let stateDir: string;
beforeEach(async () => {
  stateDir = await freshStateDir();
});

const list = (...extra: string[]) =>
  sandbox(stateDir, ["action", "list", `--connectionId=${CONNECTION}`, "--json", ...extra]);

describe("action list", () => {
  it("pages by 10 by default and never more than 20", async () => {
    const first = (await list()).json();
    expect(first.items).toHaveLength(10);
    expect(typeof first.cursor).toBe("string");
    expect((await list("--limit=500")).json().items).toHaveLength(20);
  });

  it("reaches every action exactly once by following cursors", async () => {
    const { items, pages } = await listAllActions(stateDir, ["--limit=1000"]);
    expect(items.length).toBeGreaterThanOrEqual(28);
    expect(pages.every((size) => size <= 20)).toBe(true);
    expect(new Set(items.map((a) => a.id)).size).toBe(items.length);
    const withDefaults = await listAllActions(stateDir);
    expect(withDefaults.items.map((a) => a.id)).toEqual(items.map((a) => a.id));
  });

  it("prints contract-shaped actions with deterministic 24-hex ids", async () => {
    const { items } = await listAllActions(stateDir, ["--limit=20"]);
    for (const action of items) {
      expect(action.id).toMatch(/^[0-9a-f]{24}$/);
      expect(typeof action.name).toBe("string");
      expect(ACTION_TYPES).toContain(action.type);
      expect(action.connectionId).toBe(CONNECTION);
    }
    const again = await listAllActions(await freshStateDir(), ["--limit=20"]);
    expect(again.items.map((a) => a.id)).toEqual(items.map((a) => a.id));
  });

  it("ranks by intent, best first, matches only", async () => {
    const send = (await list("--intent=send a transactional email", "--limit=20")).json().items;
    expect(send[0].key).toBe("send-transactional-email");
    const segments = (await list("--intent", "segment", "--limit=20")).json().items;
    expect(segments.length).toBeGreaterThan(3);
    for (const action of segments)
      expect(`${action.key} ${action.name} ${action.description}`).toMatch(/segment/i);
    expect((await list("--intent=zzzqqq")).json()).toEqual({ items: [] });
    const deliveries = (await list("--intent=show recent deliveries")).json().items;
    expect(deliveries[0].key).toBe("list-messages");
    const people = (await list("--intent=delete a person")).json().items;
    expect(people[0].key).toBe("delete-customer");
  });

  it("pages through intent results with cursors", async () => {
    const { items } = await listAllActions(stateDir, ["--intent=customer", "--limit=3"]);
    expect(items.length).toBeGreaterThan(3);
    expect(new Set(items.map((a) => a.id)).size).toBe(items.length);
  });

  it("appends n varied, deterministic actions with CUSTOMERIO_SANDBOX_EXTRA_ACTIONS", async () => {
    const base = (await listAllActions(stateDir, ["--limit=20"])).items.length;
    const env = { CUSTOMERIO_SANDBOX_EXTRA_ACTIONS: "100" };
    const { items } = await listAllActions(stateDir, ["--limit=20"], env);
    expect(items).toHaveLength(base + 100);
    const extras = items.slice(base);
    expect(new Set(extras.map((a) => a.type)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(extras.map((a) => a.key)).size).toBe(100);
    expect(extras.some((a) => a.inputSchema === undefined)).toBe(true);
    expect(extras.some((a) => a.inputSchema?.properties?.options?.properties?.locale?.enum)).toBe(true);
    const again = await listAllActions(stateDir, ["--limit=20"], env);
    expect(again.items).toEqual(items);
  });
});

/**
 * Tool names stick (issue #10, part 5): when the catalog grows with an action whose name collides with an
 * existing tool, the existing tool keeps its name across a restart (the cache remembers names) and within
 * a session (a refresh remembers the previous snapshot's names); the newcomer takes the suffix.
 */
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { writeScenario } from "../fixtures/scenario.js";
import { fixtureCli, resultJson, startInMemory, tempDir } from "../helpers/harness.js";

const connection = {
  id: "conn-1",
  name: "Customer.io",
  state: "READY",
  integration: { id: "int-cio", key: "customerio", name: "Customer.io" },
};
const schema = { type: "object", properties: { limit: { type: "number" } } };
const incumbent = {
  id: "act-list-customers",
  key: "list-customers",
  name: "List Customers",
  type: "list-data-records",
  inputSchema: schema,
};
const newcomer = {
  id: "act-list-customers-new",
  key: "",
  name: "List customers",
  type: "list-data-records",
  inputSchema: schema,
};
const SUFFIXED = /^list_customers_[0-9a-f]{6}$/;

/** Starts a server on `scenario` with `flags`, waits for discovery, and returns the action tool names. */
async function session(scenario: string, flags: string[]) {
  const harness = await startInMemory(
    fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenario }),
    flags,
  );
  await harness.built.services.catalog.refresh();
  const names = (await harness.client.listTools()).tools.map((tool) => tool.name);
  /** The id of the action a direct tool runs (the fake echoes it). */
  const runs = async (name: string) =>
    resultJson<{ action: string }>(await harness.client.callTool({ name, arguments: { limit: 1 } })).action;
  return { harness, names: names.filter((name) => name.startsWith("list_customers")), runs };
}

describe("sticky tool names", () => {
  it("keeps an incumbent's name across a restart when a colliding action appears", async () => {
    const cacheDir = tempDir();
    const dir = tempDir();
    const first = await session(writeScenario({ connections: [connection], actions: [incumbent] }, dir), [
      "--cache-dir",
      cacheDir,
    ]);
    expect(first.names).toEqual(["list_customers"]);
    await first.harness.close();

    const grown = writeScenario({ connections: [connection], actions: [newcomer, incumbent] }, dir);
    const second = await session(grown, ["--cache-dir", cacheDir]);
    try {
      expect(second.names).toHaveLength(2);
      expect(second.names).toContain("list_customers");
      expect(await second.runs("list_customers")).toBe(incumbent.id);
      const suffixed = second.names.find((name) => name !== "list_customers") ?? "";
      expect(suffixed).toMatch(SUFFIXED);
      expect(await second.runs(suffixed)).toBe(newcomer.id);
    } finally {
      await second.harness.close();
    }

    // A third start, limited with --tools to the incumbent's name, still finds the same action.
    const third = await session(grown, ["--cache-dir", cacheDir, "--tools", "list_customers"]);
    try {
      expect(third.names).toEqual(["list_customers"]);
      expect(await third.runs("list_customers")).toBe(incumbent.id);
    } finally {
      await third.harness.close();
    }
  });

  it("keeps an incumbent's name when a refresh in the same session finds a colliding action", async () => {
    const scenario = writeScenario({ connections: [connection], actions: [incumbent] });
    const live = await session(scenario, ["--no-cache"]);
    try {
      expect(live.names).toEqual(["list_customers"]);
      writeFileSync(scenario, JSON.stringify({ connections: [connection], actions: [incumbent, newcomer] }));
      await live.harness.built.services.catalog.refresh();
      const names = (await live.harness.client.listTools()).tools
        .map((tool) => tool.name)
        .filter((name) => name.startsWith("list_customers"));
      expect(names).toContain("list_customers");
      expect(await live.runs("list_customers")).toBe(incumbent.id);
      expect(names.find((name) => name !== "list_customers")).toMatch(SUFFIXED);
    } finally {
      await live.harness.close();
    }
  });
});

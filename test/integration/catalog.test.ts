/**
 * The catalog through the protocol: paging to the end (and stopping on a broken pager), stable names in any
 * order, a warm start from the cache that does not wait for the CLI, a corrupt cache, list_changed when a
 * refresh finds a different catalog, and every quirky action either a direct tool or reachable by run_action.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { scenarioPath } from "../fixtures/paths.js";
import { type Scenario, writeScenario } from "../fixtures/scenario.js";
import { fixtureCli, resultJson, startInMemory, tempDir } from "../helpers/harness.js";

const paging = () =>
  JSON.parse(readFileSync(scenarioPath("paging"), "utf8")) as {
    actions: Array<{ id: string }>;
    [key: string]: unknown;
  };

describe("discovery", () => {
  it("follows cursors until every action is there", async () => {
    const harness = await startInMemory(
      fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenarioPath("paging") }),
      ["--no-cache", "--max-tools", "100"],
    );
    try {
      const { tools } = await harness.client.listTools();
      expect(tools.length).toBe(4 + 37);
      const status = resultJson<{ catalog: { actions: number } }>(
        await harness.client.callTool({ name: "connection_status", arguments: {} }),
      );
      expect(status.catalog.actions).toBe(37);
    } finally {
      await harness.close();
    }
  });

  it("stops on a pager that repeats itself", async () => {
    const scenario = writeScenario({ ...paging(), repeatPage: true });
    const record = `${tempDir()}/record.jsonl`;
    const harness = await startInMemory(
      fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenario, FAKE_MEMBRANE_RECORD: record }),
    );
    try {
      const { tools } = await harness.client.listTools();
      expect(tools.length).toBe(4 + 10);
      const lists = readFileSync(record, "utf8")
        .split("\n")
        .filter((line) => line.includes('"list","--connectionId'));
      expect(lists.length).toBeLessThanOrEqual(2);
    } finally {
      await harness.close();
    }
  });

  it("gives the same names whatever order the CLI lists the actions in", async () => {
    const namesFor = async (actions: unknown[]) => {
      const scenario = writeScenario({
        ...JSON.parse(readFileSync(scenarioPath("quirky"), "utf8")),
        actions,
        pageSize: 100,
      });
      const harness = await startInMemory(fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenario }), [
        "--no-cache",
        "--max-tools",
        "100",
      ]);
      try {
        return (await harness.client.listTools()).tools.map((tool) => tool.name).sort();
      } finally {
        await harness.close();
      }
    };
    const quirky = JSON.parse(readFileSync(scenarioPath("quirky"), "utf8")) as { actions: unknown[] };
    const forward = await namesFor(quirky.actions);
    const backward = await namesFor([...quirky.actions].reverse());
    expect(backward).toEqual(forward);
    expect(new Set(forward).size).toBe(forward.length);
    for (const name of forward) expect(name).toMatch(/^[a-z0-9_]{1,40}$/);
  });

  it("reaches every ready quirky action, as a direct tool or through run_action", async () => {
    const quirky = JSON.parse(readFileSync(scenarioPath("quirky"), "utf8")) as {
      actions: Array<{ id: string; state?: string }>;
    };
    const harness = await startInMemory(
      fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenarioPath("quirky") }),
    );
    try {
      await harness.client.listTools();
      for (const action of quirky.actions) {
        const result = await harness.client.callTool({
          name: "run_action",
          arguments: { action: action.id, dry_run: true },
        });
        const notReady = action.state !== undefined && action.state !== "READY";
        if (notReady) expect(JSON.stringify(result.content), action.id).toMatch(/not ready/);
        else if (result.isError)
          expect(JSON.stringify(result.content), action.id).toMatch(/Invalid arguments/);
        else expect(resultJson(result), action.id).toMatchObject({ dryRun: true, action: { id: action.id } });
      }
    } finally {
      await harness.close();
    }
  });
});

/** The basic scenario, answering every command but `--version` after `delayMs` (its `delayMs` field). */
const slowBasic = (delayMs: number) => {
  const basic = JSON.parse(readFileSync(scenarioPath("basic"), "utf8")) as Scenario;
  return fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: writeScenario({ ...basic, delayMs }) });
};

/** Discovers once with a quick CLI so that `cacheDir` holds the catalog; returns the tool names then. */
async function warmCache(cacheDir: string): Promise<string[]> {
  const first = await startInMemory(slowBasic(0), ["--cache-dir", cacheDir]);
  try {
    return (await first.client.listTools()).tools.map((tool) => tool.name);
  } finally {
    await first.close();
  }
}

describe("the catalog cache", () => {
  it("serves tools/list from the cache at once, without waiting for a slow CLI", async () => {
    const cacheDir = tempDir();
    const expected = await warmCache(cacheDir);
    expect(expected.length).toBe(9);
    expect(readdirSync(cacheDir).some((file) => file.startsWith("catalog-"))).toBe(true);

    // The same CLI now takes a minute to answer: a list that waited for it would hold the generic tools alone.
    const slow = await startInMemory(slowBasic(60_000), ["--cache-dir", cacheDir]);
    try {
      const names = (await slow.client.listTools()).tools.map((tool) => tool.name);
      expect(names).toEqual(expected);
      expect(slow.built.services.catalog.isDiscovering).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it("answers a tools/list that arrives while the cache is still being read from the cache", async () => {
    const cacheDir = tempDir();
    const expected = await warmCache(cacheDir);
    const slow = await startInMemory(slowBasic(60_000), ["--cache-dir", cacheDir], { start: false });
    try {
      const starting = slow.built.start(); // as index.js does: not awaited before requests come in
      const names = (await slow.client.listTools()).tools.map((tool) => tool.name);
      await starting;
      // Waiting for the CLI instead would give the generic tools alone, after a 10 s wait.
      expect(names).toEqual(expected);
    } finally {
      await slow.close();
    }
  });

  it("keeps the converted entries when the refresh finds the cached catalog again", async () => {
    const cacheDir = tempDir();
    await warmCache(cacheDir);
    const second = await startInMemory(slowBasic(0), ["--cache-dir", cacheDir], { start: false });
    try {
      const { catalog } = second.built.services;
      await second.built.start();
      const fromCache = catalog.current();
      expect(fromCache.source).toBe("cache");
      await catalog.refresh();
      expect(catalog.current().source).toBe("discovery");
      expect(catalog.current().entries).toBe(fromCache.entries);
    } finally {
      await second.close();
    }
  });

  it("ignores a corrupt cache file", async () => {
    const cacheDir = tempDir();
    const env = { FAKE_MEMBRANE_SCENARIO: scenarioPath("basic") };
    const first = await startInMemory(fixtureCli("fake-membrane", env), ["--cache-dir", cacheDir]);
    await first.client.listTools();
    await first.close();
    for (const file of readdirSync(cacheDir)) writeFileSync(`${cacheDir}/${file}`, "{not json");
    const second = await startInMemory(fixtureCli("fake-membrane", env), ["--cache-dir", cacheDir]);
    try {
      expect((await second.client.listTools()).tools.length).toBe(9);
    } finally {
      await second.close();
    }
  });

  it("sends list_changed when the refresh finds a different catalog", async () => {
    const cacheDir = tempDir();
    const basic = JSON.parse(readFileSync(scenarioPath("basic"), "utf8")) as {
      actions: Record<string, unknown>[];
    };
    const first = await startInMemory(
      fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenarioPath("basic") }),
      ["--cache-dir", cacheDir],
    );
    await first.client.listTools();
    await first.close();

    const smaller = writeScenario({ ...basic, actions: basic.actions.slice(0, 2) });
    const second = await startInMemory(
      fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: smaller }),
      ["--cache-dir", cacheDir],
      { start: false },
    );
    try {
      let changed = 0;
      second.client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
        changed++;
      });
      await second.built.start();
      expect((await second.client.listTools()).tools.length).toBe(9);
      await second.built.services.catalog.refresh();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(changed).toBe(1);
      expect((await second.client.listTools()).tools.length).toBe(6);
    } finally {
      await second.close();
    }
  });
});

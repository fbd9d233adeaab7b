/**
 * End to end over stdio: the built server (dist/index.js --sandbox) driven by the SDK's Client, as Claude
 * Desktop or Cursor would. The tool list must pass the invariants that keep every client from dropping the
 * server's tools, stay within the budget, and match the reviewed snapshot; the tools must work.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaProblems } from "../../src/schema/invariants.js";
import { resultJson, resultText, type StdioHarness, startStdio } from "../helpers/harness.js";

let harness: StdioHarness;
beforeAll(async () => {
  harness = await startStdio(["--sandbox", "--no-cache"]);
});
afterAll(async () => {
  await harness?.close();
});

describe("the sandbox over stdio", () => {
  it("initializes with a name, a version and instructions", () => {
    expect(harness.client.getServerVersion()).toMatchObject({ name: "customerio-mcp" });
    expect(harness.client.getInstructions()).toMatch(/search_actions/);
    expect(harness.client.getServerCapabilities()).toMatchObject({
      tools: { listChanged: true },
      logging: {},
    });
  });

  it("lists tools that every client accepts, within the budget", async () => {
    const { tools } = await harness.client.listTools();
    expect(tools.length).toBeGreaterThan(25);
    expect(tools.length).toBeLessThanOrEqual(40);
    expect(JSON.stringify(tools).length).toBeLessThanOrEqual(40_000);
    const names = new Set<string>();
    for (const tool of tools) {
      expect(tool.name).toMatch(/^[a-z0-9_]{1,40}$/);
      expect(names.has(tool.name), tool.name).toBe(false);
      names.add(tool.name);
      expect(tool.title, tool.name).toBeTruthy();
      expect((tool.description ?? "").length, tool.name).toBeLessThanOrEqual(1024);
      expect(tool.annotations?.openWorldHint === true || tool.name === "connection_status", tool.name).toBe(
        true,
      );
      expect(schemaProblems(tool.inputSchema as Record<string, unknown>, "default"), tool.name).toEqual([]);
    }
  });

  it("matches the reviewed snapshot of names, annotations and argument names", async () => {
    const { tools } = await harness.client.listTools();
    const summary = tools.map((tool) => ({
      name: tool.name,
      readOnly: tool.annotations?.readOnlyHint,
      destructive: tool.annotations?.destructiveHint,
      arguments: Object.keys(tool.inputSchema.properties ?? {}),
      required: tool.inputSchema.required ?? [],
    }));
    await expect(JSON.stringify(summary, null, 2)).toMatchFileSnapshot("__snapshots__/sandbox-tools.json");
  });

  it("searches, runs, and sees its own writes", async () => {
    const search = resultJson<{ matches: Array<{ id: string; key: string }> }>(
      await harness.client.callTool({
        name: "search_actions",
        arguments: { query: "add people to a segment", limit: 5 },
      }),
    );
    const add = search.matches.find((match) => match.key === "add-people-to-segment");
    expect(add).toBeDefined();
    const before = resultText(
      await harness.client.callTool({ name: "get_segment_membership", arguments: { segmentId: "5" } }),
    );
    expect(before).not.toContain("cust_1011");
    const write = await harness.client.callTool({
      name: "run_action",
      arguments: { action: add!.id, input: { segmentId: "5", ids: ["cust_1011"] } },
    });
    expect(write.isError, resultText(write)).toBeFalsy();
    const after = resultText(
      await harness.client.callTool({ name: "get_segment_membership", arguments: { segmentId: "5" } }),
    );
    expect(after).toContain("cust_1011");
  });

  it("proxies a write and a read through the simulated App API, with real 404 and 422 errors", async () => {
    const created = await harness.client.callTool({
      name: "proxy_request",
      arguments: { method: "POST", path: "/v1/segments", body: { segment: { name: "E2E segment" } } },
    });
    expect(created.isError, resultText(created)).toBeFalsy();
    const listed = resultText(
      await harness.client.callTool({
        name: "proxy_request",
        arguments: { method: "GET", path: "/v1/segments" },
      }),
    );
    expect(listed).toContain("E2E segment");
    const missing = await harness.client.callTool({
      name: "proxy_request",
      arguments: { method: "GET", path: "/v1/segments/999" },
    });
    expect(missing.isError).toBe(true);
    expect(resultText(missing)).toContain("404");
    const invalid = await harness.client.callTool({
      name: "proxy_request",
      arguments: { method: "POST", path: "/v1/segments", body: { segment: {} } },
    });
    expect(invalid.isError).toBe(true);
    expect(resultText(invalid)).toContain("422");
  });

  it("cuts a large result to --max-output with a note on how to narrow it", async () => {
    const small = await startStdio(["--sandbox", "--no-cache", "--max-output", "2000"]);
    try {
      const result = await small.client.callTool({
        name: "run_action",
        arguments: { action: "get-newsletter-content", input: { newsletterId: 201 } },
      });
      expect(result.isError, resultText(result)).toBeFalsy();
      const blocks = result.content as Array<{ type: string; text: string }>;
      expect(blocks[0]!.text.length).toBeLessThanOrEqual(2000);
      expect(blocks[1]!.text).toMatch(/left out/);
      expect(blocks[1]!.text).toMatch(/fields/);
      const full = await harness.client.callTool({
        name: "run_action",
        arguments: { action: "get-newsletter-content", input: { newsletterId: 201 } },
      });
      expect((full.content as Array<{ text: string }>)[0]!.text.length).toBeGreaterThan(20_000);
    } finally {
      await small.close();
    }
  });

  it("reports a healthy setup in connection_status", async () => {
    const status = resultJson<Record<string, unknown>>(
      await harness.client.callTool({ name: "connection_status", arguments: {} }),
    );
    expect(status).toMatchObject({
      ok: true,
      loggedIn: true,
      connection: { id: "sandbox-customerio", state: "READY" },
      cli: { found: true },
    });
  });
});

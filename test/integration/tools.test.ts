/**
 * Protocol tests over an in-memory transport: listing, calling, validating and refusing, with the Membrane
 * CLI played by the scenario-driven fake executable (test/fixtures/bin/fake-membrane.mjs).
 */
import { readFileSync } from "node:fs";
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import { scenarioPath } from "../fixtures/paths.js";
import { readRecords } from "../fixtures/records.js";
import { writeScenario } from "../fixtures/scenario.js";
import {
  fixtureCli,
  type InMemoryHarness,
  resultJson,
  resultText,
  startInMemory,
  tempDir,
} from "../helpers/harness.js";

let harness: InMemoryHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function basic(record: string, flags: string[] = ["--no-cache"]) {
  return startInMemory(
    fixtureCli("fake-membrane", {
      FAKE_MEMBRANE_SCENARIO: scenarioPath("basic"),
      FAKE_MEMBRANE_RECORD: record,
    }),
    flags,
  );
}

describe("tools/list", () => {
  it("lists the generic tools and one direct tool per action, with titles and annotations", async () => {
    harness = await basic(`${tempDir()}/record.jsonl`);
    const { tools } = await harness.client.listTools();
    const names = tools.map((tool) => tool.name);
    expect(names.slice(0, 4)).toEqual(["search_actions", "run_action", "proxy_request", "connection_status"]);
    expect(names).toEqual(
      expect.arrayContaining([
        "list_customers",
        "get_customer_attributes",
        "update_customer",
        "trigger_broadcast",
        "delete_customer",
      ]),
    );
    const list = tools.find((tool) => tool.name === "list_customers")!;
    expect(list.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: true });
    expect(tools.find((tool) => tool.name === "delete_customer")?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
    });
    expect(tools.find((tool) => tool.name === "trigger_broadcast")?.description).toMatch(/dry_run/);
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.inputSchema.type).toBe("object");
    }
  });
});

describe("tools/call", () => {
  it("runs the right action through its direct tool and returns output and actionRunId", async () => {
    const record = `${tempDir()}/record.jsonl`;
    harness = await basic(record);
    const result = await harness.client.callTool({
      name: "get_customer_attributes",
      arguments: { id: "42" },
    });
    expect(result.isError).toBeFalsy();
    expect(resultJson(result)).toEqual({ id: "42", email: "ada@example.com", attributes: { plan: "pro" } });
    expect(resultText(result)).toContain("actionRunId: run-basic-1");
    expect(result.structuredContent).toMatchObject({ actionRunId: "run-basic-1", output: { id: "42" } });
    const runs = readRecords(record).filter((call) => call.argv[0] === "action" && call.argv[1] === "run");
    expect(runs).toHaveLength(1);
    expect(runs[0]?.argv).toEqual([
      "action",
      "run",
      "--connectionId=conn-basic",
      '--input={"id":"42"}',
      "--json",
      "--",
      "act-get-customer",
    ]);
  });

  it("run_action accepts an id, a key or a tool name, and returns any JSON output", async () => {
    harness = await basic(`${tempDir()}/record.jsonl`);
    for (const action of ["act-list-customers", "list-customers", "list_customers"]) {
      const result = await harness.client.callTool({
        name: "run_action",
        arguments: { action, input: { limit: 5 } },
      });
      expect(result.isError, action).toBeFalsy();
      expect(resultJson(result)).toEqual({ echo: { limit: 5 }, action: "act-list-customers" });
    }
  });

  it("refuses invalid arguments, names each one, and runs nothing", async () => {
    const record = `${tempDir()}/record.jsonl`;
    harness = await basic(record);
    const result = await harness.client.callTool({
      name: "update_customer",
      // format is an annotation (as Membrane reads it): a wrong type is what gets refused.
      arguments: { email: 42 },
    });
    expect(result.isError).toBe(true);
    const text = resultText(result);
    expect(text).toMatch(/id/);
    expect(text).toMatch(/email/);
    const viaRun = await harness.client.callTool({
      name: "run_action",
      arguments: { action: "list-customers", input: { limit: 0 } },
    });
    expect(viaRun.isError).toBe(true);
    expect(resultText(viaRun)).toMatch(/limit/);
    expect(readRecords(record).filter((call) => call.argv[1] === "run")).toHaveLength(0);
  });

  it("answers an unknown tool with JSON-RPC error -32602", async () => {
    harness = await basic(`${tempDir()}/record.jsonl`);
    await expect(harness.client.callTool({ name: "no_such_tool", arguments: {} })).rejects.toMatchObject({
      code: ErrorCode.InvalidParams,
    });
  });

  it("says so when run_action names an action that does not exist", async () => {
    harness = await basic(`${tempDir()}/record.jsonl`);
    const result = await harness.client.callTool({ name: "run_action", arguments: { action: "nope" } });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toMatch(/search_actions/);
  });

  it("dry_run shows what would be sent and sends nothing", async () => {
    const record = `${tempDir()}/record.jsonl`;
    harness = await basic(record);
    const result = await harness.client.callTool({
      name: "run_action",
      arguments: { action: "delete-customer", input: { id: "7" }, dry_run: true },
    });
    expect(result.isError).toBeFalsy();
    expect(resultJson(result)).toMatchObject({
      dryRun: true,
      action: { id: "act-delete-customer" },
      input: { id: "7" },
    });
    expect(readRecords(record).filter((call) => call.argv[1] === "run")).toHaveLength(0);
  });

  it("resolves the connection once, however many calls follow", async () => {
    const record = `${tempDir()}/record.jsonl`;
    harness = await basic(record);
    for (let i = 0; i < 3; i++) await harness.client.callTool({ name: "list_customers", arguments: {} });
    expect(readRecords(record).filter((call) => call.argv[0] === "connection")).toHaveLength(1);
  });
});

describe("search_actions", () => {
  it("falls back to a word search of the catalog when Membrane's semantic search fails, and says so", async () => {
    const basicScenario = JSON.parse(readFileSync(scenarioPath("basic"), "utf8")) as Record<string, unknown>;
    const scenario = writeScenario({ ...basicScenario, intentError: true });
    harness = await startInMemory(fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenario }));
    await harness.client.listTools();
    const result = await harness.client.callTool({
      name: "search_actions",
      arguments: { query: "delete a customer", limit: 2 },
    });
    expect(result.isError, resultText(result)).toBeFalsy();
    const found = resultJson<{ matches: Array<{ key: string; toolName: string | null }> }>(result);
    expect(found.matches[0]).toMatchObject({ key: "delete-customer", toolName: "delete_customer" });
    expect(resultText(result)).toMatch(/semantic search failed.*word search/);
  });
});

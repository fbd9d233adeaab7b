/**
 * Options that shape the tool list and the schemas: --tools / --exclude-tools globs, --max-tools, and the
 * schema profiles end to end (a strict-mode client sends null for what it leaves out; Gemini gets no
 * keywords it rejects), plus an input too large for the command line.
 */
import { describe, expect, it } from "vitest";
import { scenarioPath } from "../fixtures/paths.js";
import { fixtureCli, resultJson, resultText, startInMemory } from "../helpers/harness.js";

const basicCli = () => fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenarioPath("basic") });
const GENERIC = ["search_actions", "run_action", "proxy_request", "connection_status"];

async function toolNames(flags: string[]): Promise<string[]> {
  const harness = await startInMemory(basicCli(), ["--no-cache", ...flags]);
  try {
    return (await harness.client.listTools()).tools.map((tool) => tool.name);
  } finally {
    await harness.close();
  }
}

describe("choosing the direct tools", () => {
  it("--tools keeps only the named action tools (globs allowed), generic tools stay", async () => {
    expect(await toolNames(["--tools", "list_*,get_customer_attributes"])).toEqual([
      ...GENERIC,
      "get_customer_attributes",
      "list_customers",
    ]);
  });

  it("--exclude-tools removes action tools and generic tools alike", async () => {
    const names = await toolNames(["--exclude-tools", "delete_*,proxy_request"]);
    expect(names).not.toContain("delete_customer");
    expect(names).not.toContain("proxy_request");
    expect(names).toContain("update_customer");
  });

  it("--max-tools caps the list, reads first, and connection_status counts the rest", async () => {
    const harness = await startInMemory(basicCli(), ["--no-cache", "--max-tools", "6"]);
    try {
      const names = (await harness.client.listTools()).tools.map((tool) => tool.name);
      expect(names).toEqual([...GENERIC, "get_customer_attributes", "list_customers"]);
      const status = resultJson<{
        catalog: { actions: number; directActionTools: number; notDirect: Record<string, number> };
      }>(await harness.client.callTool({ name: "connection_status", arguments: {} }));
      expect(status.catalog).toMatchObject({ actions: 5, directActionTools: 2, notDirect: { budget: 3 } });
      const viaRun = await harness.client.callTool({
        name: "run_action",
        arguments: { action: "delete-customer", input: { id: "1" }, dry_run: true },
      });
      expect(viaRun.isError).toBeFalsy();
    } finally {
      await harness.close();
    }
  });
});

describe("schema profiles end to end", () => {
  it("openai-strict: every property required, and nulls for the omitted ones are accepted and dropped", async () => {
    const harness = await startInMemory(basicCli(), ["--no-cache", "--schema-profile", "openai-strict"]);
    try {
      const { tools } = await harness.client.listTools();
      for (const tool of tools) {
        expect(tool.inputSchema.additionalProperties, tool.name).toBe(false);
        expect([...(tool.inputSchema.required ?? [])].sort(), tool.name).toEqual(
          Object.keys(tool.inputSchema.properties ?? {}).sort(),
        );
      }
      const search = await harness.client.callTool({
        name: "search_actions",
        arguments: { query: "customer", limit: null },
      });
      expect(search.isError, resultText(search)).toBeFalsy();
      const run = await harness.client.callTool({
        name: "run_action",
        arguments: {
          action: "list-customers",
          input: JSON.stringify({ limit: 3 }),
          dry_run: null,
          fields: null,
        },
      });
      expect(run.isError, resultText(run)).toBeFalsy();
      expect(resultJson(run)).toEqual({ echo: { limit: 3 }, action: "act-list-customers" });
      // run_action takes the plain input, as Membrane reads it: a null where the schema allows none is refused
      // with the property named, and nothing runs (the direct tool is where strict-style nulls mean "left out").
      const strictStyle = await harness.client.callTool({
        name: "run_action",
        arguments: {
          action: "list-customers",
          input: JSON.stringify({ limit: 3, segmentId: null, cursor: null }),
          dry_run: null,
          fields: null,
        },
      });
      expect(strictStyle.isError).toBe(true);
      expect(resultText(strictStyle)).toMatch(/Invalid arguments.*segmentId.*no null placeholders/s);
      const direct = tools.find((tool) => tool.name === "list_customers");
      expect(direct, "list_customers is a direct tool").toBeDefined();
      const directCall = await harness.client.callTool({
        name: "list_customers",
        arguments: Object.fromEntries(
          Object.keys(direct?.inputSchema.properties ?? {}).map((key) => [key, key === "limit" ? 3 : null]),
        ),
      });
      expect(resultJson(directCall)).toEqual({ echo: { limit: 3 }, action: "act-list-customers" });
    } finally {
      await harness.close();
    }
  });

  it("gemini: no keyword Gemini rejects anywhere in the list", async () => {
    const harness = await startInMemory(basicCli(), ["--no-cache", "--schema-profile", "gemini"]);
    try {
      const text = JSON.stringify((await harness.client.listTools()).tools.map((tool) => tool.inputSchema));
      for (const keyword of [
        '"additionalProperties"',
        '"default"',
        '"minimum"',
        '"maximum"',
        '"$ref"',
        '"anyOf"',
      ])
        expect(text).not.toContain(keyword);
      const search = await harness.client.callTool({
        name: "search_actions",
        arguments: { query: "customer" },
      });
      expect(search.isError, resultText(search)).toBeFalsy();
    } finally {
      await harness.close();
    }
  });
});

describe("inputs too large for a command line", () => {
  it("is a clear error, and the server goes on", async () => {
    const harness = await startInMemory(basicCli(), ["--no-cache"]);
    try {
      const attributes = { blob: "x".repeat(300_000) };
      const result = await harness.client.callTool({
        name: "update_customer",
        arguments: { id: "1", attributes },
      });
      expect(result.isError).toBe(true);
      expect(resultText(result)).toMatch(/too large/);
      expect(resultText(result)).toMatch(/split/);
      expect((await harness.client.callTool({ name: "list_customers", arguments: {} })).isError).toBeFalsy();
    } finally {
      await harness.close();
    }
  });
});

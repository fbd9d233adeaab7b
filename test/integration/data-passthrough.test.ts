/**
 * The user's data is data: what Membrane returns comes back byte for byte, through a direct action tool,
 * run_action, proxy_request and both dry runs. The fake CLI returns (or is given) values that a credential
 * scrubber used to mangle: objects keyed by 32-hex ids, Liquid templates with `token=`/`api_key=`,
 * base64 cursors, APNs device tokens, git SHAs, tracked links and token-like ids under secret-looking keys.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import { writeScenario } from "../fixtures/scenario.js";
import { fixtureCli, type InMemoryHarness, resultText, startInMemory } from "../helpers/harness.js";

const SEGMENT_A = "0123456789abcdef0123456789abcdef";
const SEGMENT_B = "fedcba9876543210fedcba9876543210";
const TEMPLATE =
  '<a href="https://example.com/unsub?token={{customer.unsub_token}}&api_key={{site.key}}">Unsubscribe</a>{% if customer.vip %}VIP{% endif %}';

/** Everything the old scrubber altered, as Membrane would return it. */
const USER_DATA = {
  segments: {
    [SEGMENT_A]: { name: "Active", count: 120 },
    [SEGMENT_B]: { name: "Churned", count: 7 },
  },
  snippet: { name: "footer", value: TEMPLATE },
  attributes: {
    token: "{{customer.unsub_token}}",
    api_key: "{{site.key}}",
    password: "{% raw %}x{% endraw %}",
  },
  next: "q8Zr/Kd3vB+1xTn0Lw7eYp2Gm9HsRa4Uc6Jf5Ni/Wk==",
  cursor: "eyJvZmZzZXQiOjEwMCwic29ydCI6ImNyZWF0ZWRfYXQifQ==",
  devices: [{ id: "740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad", platform: "ios" }],
  commit: "da39a3ee5e6b4b0d3255bfef95601890afd80709",
  links: [
    "https://e.customeriomail.com/e/c/eyJlbWFpbF9pZCI6IkRnVGhBUUFBQVl4eiJ9.eyJocmVmIjoiaHR0cHM6Ly9leGFtcGxlLmNvbSJ9.Zm9vYmFyYmF6cXV4MTIz/abc",
    "https://track.customer.io/click?session_id=Ab3dE5gH7jK9mN1pQ3sT5vX7zB9dF1hJ",
  ],
  unsub_token: "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0",
};
const EXACT = JSON.stringify(USER_DATA);

const ACTION = {
  id: "act-report",
  key: "get-report",
  name: "Get Report",
  description: "Read the workspace report",
  type: "find-data-record-by-id",
  inputSchema: {
    type: "object",
    properties: { body: { type: "string" }, cursor: { type: "string" }, token: { type: "string" } },
  },
};

let harness: InMemoryHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start() {
  const scenario = writeScenario({
    actions: [ACTION],
    runs: { "act-report": { output: USER_DATA, actionRunId: "run-42" } },
    requests: [{ method: "GET", path: "/v1/report", stdout: `${EXACT}\n` }],
  });
  harness = await startInMemory(fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenario }), [
    "--no-cache",
    "--connection-id",
    "conn-1",
  ]);
  return harness.client;
}

const firstText = (result: unknown): string => {
  const block = (result as CallToolResult).content[0];
  return block?.type === "text" ? block.text : "";
};

describe("the user's data comes back as Membrane returned it", () => {
  it("through a direct action tool and run_action, text and structuredContent", async () => {
    const client = await start();
    const tools = await client.listTools();
    expect(tools.tools.map((tool) => tool.name)).toContain("get_report");
    for (const [name, args] of [
      ["get_report", {}],
      ["run_action", { action: "get-report", input: {} }],
    ] as const) {
      const result = await client.callTool({ name, arguments: args });
      expect(result.isError, resultText(result)).toBeFalsy();
      expect(firstText(result)).toBe(EXACT);
      expect(result.structuredContent).toEqual({ output: USER_DATA, actionRunId: "run-42" });
    }
  });

  it("through proxy_request, byte for byte", async () => {
    const client = await start();
    const result = await client.callTool({
      name: "proxy_request",
      arguments: { method: "GET", path: "/v1/report" },
    });
    expect(result.isError, resultText(result)).toBeFalsy();
    expect(firstText(result)).toBe(EXACT);
    expect(result.structuredContent).toEqual(USER_DATA);
  });

  it("in the dry runs of run_action and proxy_request", async () => {
    const client = await start();
    const input = { body: TEMPLATE, cursor: USER_DATA.next, token: "{{customer.unsub_token}}" };
    const run = await client.callTool({
      name: "run_action",
      arguments: { action: "act-report", input, dry_run: true },
    });
    expect(run.isError, resultText(run)).toBeFalsy();
    expect(JSON.parse(firstText(run)).input).toEqual(input);
    expect(firstText(run)).toContain(JSON.stringify(input));

    const proxy = await client.callTool({
      name: "proxy_request",
      arguments: { method: "POST", path: "/v1/snippets", body: USER_DATA, dry_run: true },
    });
    expect(proxy.isError, resultText(proxy)).toBeFalsy();
    expect(JSON.parse(JSON.parse(firstText(proxy)).request.body)).toEqual(USER_DATA);
    expect(JSON.parse(firstText(proxy)).request.body).toBe(EXACT);
  });

  it("as compact JSON, not pretty-printed", async () => {
    const client = await start();
    const result = await client.callTool({
      name: "run_action",
      arguments: { action: "get-report", input: {} },
    });
    expect(firstText(result)).not.toContain("\n");
    expect(firstText(result).length).toBeLessThan(JSON.stringify(USER_DATA, null, 2).length);
  });
});

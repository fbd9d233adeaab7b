/**
 * Over the sandbox's full tool list, in each profile, through the real SDK Client: the list keeps its
 * invariants (assertToolList), and every direct tool checks the decoded input against the faithful schema,
 * so what run_action refuses, the direct tool refuses too (limit over its maximum, a name over its
 * maxLength, text that is not JSON where an object is wanted).
 */
import { afterEach, describe, expect, test } from "vitest";
import type { SchemaProfile } from "../../src/config.js";
import {
  assertToolList,
  type InMemoryHarness,
  resultText,
  sandboxRunner,
  startInMemory,
} from "../helpers/harness.js";
import { toolListProblems } from "../helpers/tool-list-invariants.js";

const PROFILES: SchemaProfile[] = ["default", "gemini", "openai-strict"];
let harness: InMemoryHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(profile: SchemaProfile): Promise<InMemoryHarness> {
  harness = await startInMemory(sandboxRunner(), [
    "--no-cache",
    "--schema-profile",
    profile,
    "--max-tools",
    "500",
  ]);
  return harness;
}

describe.each(PROFILES)("profile %s", (profile) => {
  test("the full tool list parses in the SDK client and keeps the profile's rules", async () => {
    const { client } = await start(profile);
    const list = await client.listTools();
    expect(list.tools.length).toBeGreaterThan(20);
    assertToolList(list, profile);
  });

  test("direct tools refuse what the faithful schema refuses, like run_action", async () => {
    const { client } = await start(profile);
    const limit = await client.callTool({ name: "list_customers", arguments: { limit: 1000 } });
    expect(limit.isError).toBe(true);
    // "Invalid arguments" is the server's own check: nothing reached the CLI.
    expect(resultText(limit)).toMatch(/Invalid arguments for list_customers: `limit`: must be <= 100/);
    const viaRun = await client.callTool({
      name: "run_action",
      arguments: { action: "list-customers", input: { limit: 1000 } },
    });
    expect(viaRun.isError).toBe(true);
    const long = await client.callTool({
      name: "track_event",
      arguments: { customerId: "cus_1", name: "x".repeat(101) },
    });
    expect(long.isError).toBe(true);
    expect(resultText(long)).toMatch(/Invalid arguments for track_event: `name`: .*100 characters/);
    const data = profile === "default" ? "not json" : "{not json";
    const notJson = await client.callTool({
      name: "track_event",
      arguments: { customerId: "cus_1", name: "signed_up", data },
    });
    expect(notJson.isError).toBe(true);
    expect(resultText(notJson)).toMatch(/Invalid arguments for track_event: `data`: must be object/);
  });
});

test("the invariant can fail: a property key the SDK or Anthropic refuses, a strict object left open", () => {
  const tool = (inputSchema: unknown) => ({ tools: [{ name: "t", inputSchema }] });
  expect(toolListProblems(tool({ type: "object", properties: { "first name": {} } }), "default")).toEqual([
    't: root: property key "first name"',
  ]);
  expect(toolListProblems(tool({ type: "string" }), "default").join()).toMatch(/SDK client rejects/);
  expect(toolListProblems(tool({ type: "object", properties: {} }), "openai-strict")).toEqual([
    "t: root: object not closed (openai-strict)",
  ]);
});

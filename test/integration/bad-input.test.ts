/**
 * Issue #18, finding 9: bad input gets a clear error with what to do, never "Internal error": 5,000 levels
 * of nesting (in the input, a dry run, and Membrane's output), a NUL in a search query, and an unknown tool
 * name of 100,000 characters carrying a JWT (not echoed whole, not unscrubbed).
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import { writeScenario } from "../fixtures/scenario.js";
import { fixtureCli, type InMemoryHarness, resultText, startInMemory } from "../helpers/harness.js";

const DEPTH = 5000;
const nested = (depth: number): unknown => {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
const nestedText = (depth: number) => `${'{"a":'.repeat(depth)}"leaf"${"}".repeat(depth)}`;
const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

const DEEP_SEND = {
  transactional_message_id: "welcome",
  to: "ada@example.com",
  identifiers: { id: "1", extra: nested(DEPTH) },
};

let harness: InMemoryHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start() {
  const scenario = writeScenario({
    runs: { "act-get-customer": { stdout: `{"output":${nestedText(DEPTH)},"actionRunId":"run-deep"}` } },
  });
  harness = await startInMemory(fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenario }), [
    "--no-cache",
  ]);
  return harness.client;
}

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult | Error> {
  try {
    return (await harness!.client.callTool({ name, arguments: args })) as CallToolResult;
  } catch (error) {
    return error as Error;
  }
}

function expectClearError(result: CallToolResult | Error, label: string): string {
  const text = result instanceof Error ? result.message : resultText(result);
  if (!(result instanceof Error)) expect(result.isError, `${label}: ${text}`).toBe(true);
  expect(text, label).not.toMatch(/Internal error|Maximum call stack|RangeError/);
  expect(text.length, label).toBeLessThan(2000);
  return text;
}

describe("bad input", () => {
  it("5,000 levels of nesting in the input or a dry run: a clear refusal", async () => {
    await start();
    for (const [label, name, args] of [
      ["run_action", "run_action", { action: "send-transactional-email", input: DEEP_SEND }],
      ["dry run", "run_action", { action: "send-transactional-email", input: DEEP_SEND, dry_run: true }],
      ["direct tool", "send_transactional_email", DEEP_SEND],
      [
        "proxy_request body",
        "proxy_request",
        { method: "POST", path: "/v1/x", body: nested(DEPTH), dry_run: true },
      ],
    ] as const) {
      const text = expectClearError(await call(name, args as Record<string, unknown>), label);
      expect(text, label).toMatch(/nest/i);
    }
  });

  it("5,000 levels of nesting in Membrane's output come back, not as an internal error", async () => {
    await start();
    const result = await call("run_action", { action: "get-customer", input: { id: "1" } });
    expect(result).not.toBeInstanceOf(Error);
    const text = resultText(result as CallToolResult);
    expect(text).not.toMatch(/Internal error|Maximum call stack/);
    expect(text).toContain(nestedText(DEPTH));
  });

  it("a NUL in a search query: a clear refusal", async () => {
    await start();
    const text = expectClearError(await call("search_actions", { query: "cust\u0000omer" }), "search");
    expect(text).toMatch(/NUL|control character/);
  });

  it("an unknown tool name is not echoed whole, and a JWT in it is scrubbed", async () => {
    await start();
    const name = `x${"a".repeat(100_000)}${JWT}`;
    const text = expectClearError(await call(name, {}), "unknown tool");
    expect(text).not.toContain(JWT);
    const jwtName = `tool_${JWT}`;
    expect(expectClearError(await call(jwtName, {}), "jwt tool")).not.toContain(JWT);
  });
});

/**
 * What a CLI run that "succeeded" can still mean: an error envelope printed with exit code 0 is an error
 * result with the upstream message, while data that merely contains an `error` field stays data; and a
 * request too large for the command line is refused before anything runs.
 */
import { join } from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { readRecords } from "../fixtures/records.js";
import { type Scenario, writeScenario } from "../fixtures/scenario.js";
import { fixtureCli, resultJson, resultText, startInMemory, tempDir } from "../helpers/harness.js";

type Call = (name: string, args: Record<string, unknown>) => Promise<CallToolResult>;

async function withServer(scenario: Scenario, test: (call: Call) => Promise<void>) {
  const record = join(tempDir(), "record.jsonl");
  const harness = await startInMemory(
    fixtureCli("fake-membrane", {
      FAKE_MEMBRANE_SCENARIO: writeScenario(scenario),
      FAKE_MEMBRANE_RECORD: record,
    }),
    ["--no-cache", "--connection-id", "conn-1"],
    { start: false },
  );
  const callTool: Call = async (name, args) =>
    (await harness.client.callTool({ name, arguments: args })) as CallToolResult;
  try {
    await test(callTool);
  } finally {
    await harness.close();
  }
  return record;
}

describe("errors printed with exit code 0", () => {
  it("an error envelope from `request` is an error result with the upstream message and status", async () => {
    await withServer(
      {
        requests: [
          { path: "/v1/missing", stdout: { error: { message: "Customer not found", status: 404 } } },
          { path: "/v1/invalid", stdout: { message: "Unprocessable: email is invalid", status: 422 } },
        ],
      },
      async (call) => {
        const missing = await call("proxy_request", { method: "POST", path: "/v1/missing" });
        expect(missing.isError).toBe(true);
        expect(resultText(missing)).toContain("Customer not found");
        expect(missing.structuredContent).toMatchObject({ status: 404 });
        const invalid = await call("proxy_request", { method: "POST", path: "/v1/invalid" });
        expect(invalid.isError).toBe(true);
        expect(resultText(invalid)).toContain("email is invalid");
        expect(resultText(invalid)).toContain("422");
      },
    );
  });

  it("an `action run` that prints only an error is an error result", async () => {
    await withServer(
      {
        runs: {
          "act-get-customer": { stdout: '{"error":"Customer 42 does not exist","actionRunId":"run-7"}' },
        },
      },
      async (call) => {
        const result = await call("run_action", { action: "get-customer", input: { id: "42" } });
        expect(result.isError).toBe(true);
        expect(resultText(result)).toContain("Customer 42 does not exist");
        expect(resultText(result)).toContain("run-7");
      },
    );
  });

  it("data that contains an `error` field is returned as data", async () => {
    const output = { error: { message: "bounced", status: 550 }, email: "a@example.com" };
    await withServer(
      {
        runs: { "act-get-customer": { output } },
        requests: [
          { path: "/v1/deliveries", stdout: { error: "bounced", items: [] } },
          { path: "/v1/activity", stdout: { message: "sent", status: 200 } },
        ],
      },
      async (call) => {
        const run = await call("run_action", { action: "get-customer", input: { id: "1" } });
        expect(run.isError).toBeFalsy();
        expect(resultJson(run)).toMatchObject(output);
        for (const path of ["/v1/deliveries", "/v1/activity"]) {
          const result = await call("proxy_request", { method: "GET", path });
          expect(result.isError, resultText(result)).toBeFalsy();
        }
      },
    );
  });
});

describe("a request too large for the command line", () => {
  it("is refused before the CLI runs, briefly and without repeating the values", async () => {
    const query = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`k${i}`, `value${i}-`.repeat(10_000)]),
    );
    const record = await withServer({}, async (call) => {
      const result = await call("proxy_request", { method: "GET", path: "/v1/segments", query });
      expect(result.isError).toBe(true);
      const text = resultText(result);
      expect(text.length).toBeLessThan(500);
      expect(text).toMatch(/too large/i);
      expect(text).not.toContain("value1-");
    });
    expect(readRecords(record).filter((run) => run.argv[0] === "request")).toEqual([]);
  });
});

/**
 * Read-only mode, attacked: every tool, every action and every method is tried through a fixture CLI that
 * records each call, and no call that could change data may reach it; on both backends (the REST one
 * reaches the fixture's REST front, which records the same commands).
 */
import { describe, expect, it } from "vitest";
import { PROXY_METHODS } from "../../src/guard/proxy-guard.js";
import { scenarioPath } from "../fixtures/paths.js";
import { readRecords } from "../fixtures/records.js";
import { BACKENDS, fixtureCli, resultJson, resultText, startInMemory, tempDir } from "../helpers/harness.js";

const MUTATING_ACTIONS = ["act-update-customer", "act-trigger-broadcast", "act-delete-customer"];

describe.each(BACKENDS)("read-only mode, %s backend", (backend) => {
  it("lists only read-only action tools and says so in connection_status", async () => {
    const harness = await startInMemory(
      fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenarioPath("basic") }),
      ["--no-cache", "--read-only"],
      { backend },
    );
    try {
      const { tools } = await harness.client.listTools();
      const actionTools = tools.filter(
        (tool) => !["search_actions", "run_action", "proxy_request", "connection_status"].includes(tool.name),
      );
      expect(actionTools.map((tool) => tool.name).sort()).toEqual([
        "get_customer_attributes",
        "list_customers",
      ]);
      for (const tool of actionTools) expect(tool.annotations?.readOnlyHint).toBe(true);
      const status = resultJson<{ readOnly: boolean }>(
        await harness.client.callTool({ name: "connection_status", arguments: {} }),
      );
      expect(status.readOnly).toBe(true);
    } finally {
      await harness.close();
    }
  });

  it("lets no mutating call reach the CLI, whatever the agent tries", async () => {
    const record = `${tempDir()}/record.jsonl`;
    const harness = await startInMemory(
      fixtureCli("fake-membrane", {
        FAKE_MEMBRANE_SCENARIO: scenarioPath("basic"),
        FAKE_MEMBRANE_RECORD: record,
      }),
      ["--no-cache", "--read-only"],
      { backend },
    );
    try {
      const { tools } = await harness.client.listTools();
      const refusals: string[] = [];
      for (const action of MUTATING_ACTIONS) {
        for (const reference of [
          action,
          action.replace(/^act-/, ""),
          action.replace(/^act-/, "").replaceAll("-", "_"),
        ]) {
          for (const dryRun of [false, true]) {
            const result = await harness.client.callTool({
              name: "run_action",
              arguments: { action: reference, input: { id: "1" }, dry_run: dryRun },
            });
            expect(result.isError, reference).toBe(true);
            refusals.push(resultText(result));
          }
        }
        // Calling a hidden action tool by its name is not possible either.
        const direct = action.replace(/^act-/, "").replaceAll("-", "_");
        await expect(harness.client.callTool({ name: direct, arguments: { id: "1" } })).rejects.toThrow();
      }
      for (const method of PROXY_METHODS.filter((name) => name !== "GET")) {
        const result = await harness.client.callTool({
          name: "proxy_request",
          arguments: { method, path: "/v1/segments", body: { a: 1 } },
        });
        expect(result.isError, method).toBe(true);
        refusals.push(resultText(result));
      }
      for (const text of refusals) expect(text).toMatch(/read-only/);
      // Read-only calls still work, and every listed tool says it is read-only.
      const readArguments: Record<string, Record<string, unknown>> = {
        search_actions: { query: "customer" },
        run_action: { action: "list-customers" },
        proxy_request: { method: "GET", path: "/v1/segments" },
        connection_status: {},
        get_customer_attributes: { id: "1" },
        list_customers: {},
      };
      for (const tool of tools) {
        expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
        const result = await harness.client.callTool({
          name: tool.name,
          arguments: readArguments[tool.name] ?? {},
        });
        expect(result.isError, `${tool.name}: ${resultText(result)}`).toBeFalsy();
      }

      const calls = readRecords(record);
      const mutating = calls.filter(
        (call) =>
          (call.argv[0] === "action" &&
            call.argv[1] === "run" &&
            MUTATING_ACTIONS.includes(call.argv.at(-1) ?? "")) ||
          (call.argv[0] === "request" && call.argv.some((arg) => /^--method=(?!GET$)/.test(arg))),
      );
      expect(mutating).toEqual([]);
      expect(calls.some((call) => call.argv[0] === "request")).toBe(true);
    } finally {
      await harness.close();
    }
  });
});

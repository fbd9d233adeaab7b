/**
 * Read-only mode, attacked with a catalog where every action carries `isReadOnly: true` (as the elements of
 * a published package may: it says the definition cannot be edited, not that running it changes nothing).
 * Every listed tool and run_action on every action are tried through a fake CLI that records each call:
 * no call that could change data may reach it, and every delete is annotated destructive.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERIC_TOOL_NAMES } from "../../src/tools/registry.js";
import { readRecords } from "../fixtures/records.js";
import { BACKENDS, fixtureCli, resultJson, resultText, startInMemory, tempDir } from "../helpers/harness.js";

const published = { isReadOnly: true, isPublic: true, isCustomized: false };
const input = { type: "object", properties: { id: { type: "string" } } };
const action = (id: string, type: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  key: id,
  name,
  description: `${name} (a customer action)`,
  type,
  inputSchema: input,
  ...published,
  ...extra,
});

/** Actions that only read, by Membrane's own words: the only ones read-only mode may run. */
const READS = [
  action("list-customers", "list-data-records", "List Customers"),
  action("get-customer", "find-data-record-by-id", "Get Customer"),
  action("match-customer", "match-data-record", "Match Customer"),
  action("search-customers", "search-data-record", "Search Customers"),
  action("get-segments-api", "api-request-to-external-app", "Get Segments (API)", {
    config: { request: { method: "GET", path: "/v1/segments" } },
  }),
];
const WRITES = [
  action("create-customer", "create-data-record", "Create Customer"),
  action("find-or-create-customer", "find-or-create-data-record", "Find or Create Customer"),
  action("update-customer", "update-data-record", "Update Customer"),
  action("delete-customer", "delete-data-record", "Delete Customer"),
  action("trigger-broadcast", "connector-operation", "Trigger Broadcast"),
  action("get-customer-metrics", "connector-operation", "Get Customer Metrics"),
  action("any-api-request", "api-request-to-external-app", "Any API Request (customer)", {
    config: { request: { method: { $var: "$.input.method" }, path: "/v1/customers" } },
  }),
  action("delete-customer-api", "api-request-to-external-app", "Delete Customer (API)", {
    config: { request: { method: "DELETE", path: "/v1/customers/{id}" } },
  }),
  action("your-app-request", "api-request-to-your-app", "Your App Request (customer)"),
  action("old-api-request", "api-request", "Old API Request (customer)"),
  action("post-customer-webhook", "http-request", "Post Customer Webhook"),
  action("customer-script", "run-javascript", "Customer Script"),
  action("untyped-customer-op", "", "Untyped Customer Operation"),
];
/** Reads Membrane says cannot run: skipped whatever their type. */
const UNUSABLE = [
  action("building-list", "list-data-records", "Building Customer List", { state: "BUILDING" }),
  action("deactivated-list", "list-data-records", "Deactivated Customer List", { isDeactivated: true }),
  action("archived-list", "list-data-records", "Archived Customer List", {
    archivedAt: "2025-01-01T00:00:00Z",
  }),
];
const ALL = [...READS, ...WRITES, ...UNUSABLE];
const readIds = new Set(READS.map((a) => a.id));
/** Effect unknown (issue #18): read-only mode asks the person first, and refuses where nobody can be asked. */
const asksIds = new Set(["get-customer-metrics", "untyped-customer-op"]);

function scenarioFile(): string {
  const file = join(tempDir(), "published.json");
  const connection = {
    id: "conn-pub",
    name: "Customer.io",
    state: "READY",
    integration: { id: "int", key: "customerio", name: "Customer.io" },
  };
  writeFileSync(file, JSON.stringify({ version: "1.0.0", connections: [connection], actions: ALL }));
  return file;
}

describe.each(BACKENDS)(
  "effects come from Membrane's action type, never from isReadOnly, %s backend",
  (backend) => {
    it("read-only mode makes no mutating CLI call through any tool", async () => {
      const record = join(tempDir(), "record.jsonl");
      const cli = fixtureCli("fake-membrane", {
        FAKE_MEMBRANE_SCENARIO: scenarioFile(),
        FAKE_MEMBRANE_RECORD: record,
      });
      const harness = await startInMemory(cli, ["--no-cache", "--read-only", "--max-tools", "1000"], {
        backend,
      });
      try {
        const { tools } = await harness.client.listTools();
        const actionTools = tools.filter((tool) => !GENERIC_TOOL_NAMES.includes(tool.name));
        expect(actionTools.map((tool) => tool.name).sort()).toEqual(
          ["get_customer", "get_segments_api", "list_customers", "match_customer", "search_customers"].sort(),
        );
        for (const tool of actionTools) {
          expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
          const result = await harness.client.callTool({ name: tool.name, arguments: { id: "1" } });
          expect(result.isError, `${tool.name}: ${resultText(result)}`).toBeFalsy();
        }
        for (const each of ALL) {
          for (const dryRun of [false, true]) {
            const result = await harness.client.callTool({
              name: "run_action",
              arguments: { action: each.id, input: { id: "1" }, dry_run: dryRun },
            });
            // A dry run sends nothing: an operation of unknown effect may be previewed.
            const refused = !readIds.has(each.id) && !(dryRun && asksIds.has(each.id));
            expect(Boolean(result.isError), `${each.id}: ${resultText(result)}`).toBe(refused);
            if (refused) expect(resultText(result)).toMatch(/read-only|--tools|cannot run/);
          }
        }
        // search_actions says the same: only the reads are readOnly; the rest would not run here.
        const search = resultJson<{ matches: Array<{ id: string; readOnly: boolean; runnable?: boolean }> }>(
          await harness.client.callTool({
            name: "search_actions",
            arguments: { query: "customer", limit: 50 },
          }),
        );
        expect(search.matches.filter((match) => !readIds.has(match.id)).length).toBeGreaterThan(0);
        for (const match of search.matches) {
          expect(match.readOnly, match.id).toBe(readIds.has(match.id));
          if (!readIds.has(match.id) && !asksIds.has(match.id)) expect(match.runnable, match.id).toBe(false);
        }
        const status = resultJson<{
          readOnlyHidden: number;
          catalog: { notReady: Array<{ reason: string }> };
        }>(await harness.client.callTool({ name: "connection_status", arguments: {} }));
        expect(status.readOnlyHidden).toBe(WRITES.length);
        expect(status.catalog.notReady.map((item) => item.reason).sort()).toEqual([
          "archived",
          "deactivated",
          "not ready (state BUILDING)",
        ]);

        const runs = readRecords(record).filter(
          (call) => call.argv[0] === "action" && call.argv[1] === "run",
        );
        const mutating = runs.filter((call) => !readIds.has(call.argv.at(-1) ?? ""));
        expect(mutating.map((call) => call.argv.at(-1))).toEqual([]);
        // The reads did run: the test would see a mutating call if one got through.
        expect(new Set(runs.map((call) => call.argv.at(-1)))).toEqual(readIds);
      } finally {
        await harness.close();
      }
    });

    it("marks every delete and every action of unknown effect destructive", async () => {
      const cli = fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenarioFile() });
      const harness = await startInMemory(cli, ["--no-cache", "--max-tools", "1000"], { backend });
      try {
        const { tools } = await harness.client.listTools();
        const byName = new Map(tools.map((tool) => [tool.name, tool.annotations]));
        expect(byName.get("delete_customer")).toMatchObject({ readOnlyHint: false, destructiveHint: true });
        expect(byName.get("delete_customer_api")).toMatchObject({
          readOnlyHint: false,
          destructiveHint: true,
        });
        expect(byName.get("trigger_broadcast")).toMatchObject({ readOnlyHint: false, destructiveHint: true });
        expect(byName.get("get_customer_metrics")).toMatchObject({
          readOnlyHint: false,
          destructiveHint: true,
        });
        expect(byName.get("create_customer")).toMatchObject({ readOnlyHint: false, destructiveHint: false });
        expect(byName.get("list_customers")).toMatchObject({ readOnlyHint: true, destructiveHint: false });
        // http-request and run-javascript are not tools unless named in --tools; unusable actions never are.
        for (const name of ["post_customer_webhook", "customer_script", "building_list", "archived_list"])
          expect(byName.has(name), name).toBe(false);
      } finally {
        await harness.close();
      }
    });
  },
);

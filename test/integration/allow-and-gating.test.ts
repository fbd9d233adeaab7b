/**
 * The ways a person widens what the server runs, and only those: --read-only-allow vouches for operations
 * of unknown effect (never for Membrane's write types), --tools names http-request and run-javascript
 * actions, and search_actions shortens a match larger than --max-output instead of dropping it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRecords } from "../fixtures/records.js";
import { fixtureCli, resultJson, resultText, startInMemory, tempDir } from "../helpers/harness.js";

const input = { type: "object", properties: { id: { type: "string" } } };
const action = (id: string, type: string, extra: Record<string, unknown> = {}) => ({
  id,
  key: id,
  name: id.replaceAll("-", " "),
  description: `${id} for a campaign`,
  type,
  inputSchema: input,
  isReadOnly: true,
  ...extra,
});

/** A schema of about 60 KB: many properties, each with a long description. */
const hugeSchema = {
  type: "object",
  properties: Object.fromEntries(
    Array.from({ length: 300 }, (_, i) => [`field_${i}`, { type: "string", description: "x".repeat(200) }]),
  ),
};

function setup(record: string) {
  const file = join(tempDir(), "scenario.json");
  const actions = [
    action("get-campaign-metrics", "connector-operation"),
    action("delete-campaign", "delete-data-record"),
    action("post-campaign-webhook", "http-request"),
    action("campaign-script", "run-javascript"),
    action("huge-campaign-report", "list-data-records", { inputSchema: hugeSchema }),
  ];
  const connection = { id: "c1", name: "Customer.io", state: "READY", integration: { key: "customerio" } };
  writeFileSync(file, JSON.stringify({ version: "1.0.0", connections: [connection], actions }));
  return fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: file, FAKE_MEMBRANE_RECORD: record });
}

const run = (id: string) => ({ name: "run_action", arguments: { action: id, input: { id: "1" } } });

describe("--read-only-allow", () => {
  it("lets a vouched operation run in read-only mode, but never a delete", async () => {
    const record = join(tempDir(), "record.jsonl");
    const harness = await startInMemory(setup(record), [
      "--no-cache",
      "--read-only",
      "--read-only-allow",
      "get_campaign_*,delete-campaign",
    ]);
    try {
      const { tools } = await harness.client.listTools();
      const metrics = tools.find((tool) => tool.name === "get_campaign_metrics");
      expect(metrics?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
      expect(tools.some((tool) => tool.name === "delete_campaign")).toBe(false);
      expect((await harness.client.callTool(run("get-campaign-metrics"))).isError).toBeFalsy();
      const refused = await harness.client.callTool(run("delete-campaign"));
      expect(refused.isError).toBe(true);
      // Issue #18: no setting vouches for a known write, so none is suggested.
      expect(resultText(refused)).toMatch(/read-only mode/);
      expect(resultText(refused)).not.toMatch(/--read-only-allow/);
      const status = resultJson<{ readOnlyAllowed: string[]; notes: string[] }>(
        await harness.client.callTool({ name: "connection_status", arguments: {} }),
      );
      expect(status.readOnlyAllowed).toEqual(["get_campaign_metrics"]);
      expect(status.notes.join(" ")).toMatch(/Read-only hides 3 of 5 actions/);
      const ran = readRecords(record).filter((call) => call.argv[1] === "run");
      expect(ran.map((call) => call.argv.at(-1))).toEqual(["get-campaign-metrics"]);
    } finally {
      await harness.close();
    }
  });
});

describe("http-request and run-javascript actions", () => {
  it("are refused by run_action unless named in --tools, with the reason and the way", async () => {
    const record = join(tempDir(), "record.jsonl");
    const closed = await startInMemory(setup(record), ["--no-cache"]);
    try {
      for (const id of ["post-campaign-webhook", "campaign-script"]) {
        const result = await closed.client.callTool(run(id));
        expect(result.isError, id).toBe(true);
        expect(resultText(result)).toMatch(/arbitrary HTTP request|custom code/);
        expect(resultText(result)).toMatch(/--tools/);
      }
      expect(readRecords(record).filter((call) => call.argv[1] === "run")).toEqual([]);
    } finally {
      await closed.close();
    }
    const open = await startInMemory(setup(record), ["--no-cache", "--tools", "post_campaign_webhook"]);
    try {
      const { tools } = await open.client.listTools();
      expect(tools.map((tool) => tool.name)).toContain("post_campaign_webhook");
      expect((await open.client.callTool(run("post-campaign-webhook"))).isError).toBeFalsy();
      expect((await open.client.callTool(run("campaign-script"))).isError).toBe(true);
    } finally {
      await open.close();
    }
  });
});

describe("search_actions and --max-output", () => {
  it("shortens a match larger than the cap instead of dropping it", async () => {
    const harness = await startInMemory(setup(join(tempDir(), "r.jsonl")), [
      "--no-cache",
      "--max-output",
      "5000",
    ]);
    try {
      const result = await harness.client.callTool({
        name: "search_actions",
        arguments: { query: "huge-campaign-report" },
      });
      expect(result.isError, resultText(result)).toBeFalsy();
      const first = (result.content as Array<{ text: string }>)[0]!.text;
      expect(first.length).toBeLessThanOrEqual(5000);
      const data = JSON.parse(first) as { matches: Array<{ id: string; inputSchemaShortened?: boolean }> };
      expect(data.matches.map((match) => match.id)).toEqual(["huge-campaign-report"]);
      expect(data.matches[0]?.inputSchemaShortened).toBe(true);
      expect(resultText(result)).toMatch(/shortened to fit/);
    } finally {
      await harness.close();
    }
  });
});

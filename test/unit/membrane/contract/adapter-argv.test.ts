/**
 * Every command line the adapter (CliBackend) sends is one the contract knows: the fake CLI (in this
 * process, fixtureCli: the function its executable runs), which parses with the contract's strict parser,
 * answers each call, and each recorded argv names a contract
 * command and only the flags that command takes.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MembraneCli } from "../../../../src/membrane/cli/cli.js";
import { CliBackend } from "../../../../src/membrane/cli/cli-backend.js";
import { findCommand } from "../../../../src/membrane/contract/commands.js";
import { parseCliArgs } from "../../../../src/membrane/contract/parse.js";
import { readRecords } from "../../../fixtures/records.js";
import { fixtureCli } from "../../../helpers/harness.js";
import { silentLogger } from "../../../helpers/silent-logger.js";

function client(record: string): CliBackend {
  const cli = new MembraneCli(fixtureCli("fake-membrane", { FAKE_MEMBRANE_RECORD: record }), {
    timeoutMs: 20_000,
    maxConcurrent: 2,
    maxOutputBytes: 1_000_000,
    log: silentLogger,
  });
  return new CliBackend(cli, silentLogger);
}

describe("the adapter's command lines", () => {
  it("are all inside the contract", async () => {
    const record = join(mkdtempSync(join(tmpdir(), "adapter-argv-")), "record.jsonl");
    const membrane = client(record);
    await membrane.version();
    expect(await membrane.listConnections()).toHaveLength(1);
    expect(await membrane.findConnectors("customerio")).toHaveLength(1);
    expect((await membrane.listAllActions("conn-1")).actions).toHaveLength(3);
    expect(await membrane.searchActions("conn-1", "customer", 5)).not.toHaveLength(0);
    expect(await membrane.runAction("conn-1", "act-get-customer", { id: "-1 --json" })).toHaveProperty(
      "output.echo.id",
      "-1 --json",
    );
    const echo = await membrane.request("conn-1", {
      method: "POST",
      path: "/v1/customers",
      query: [["limit", "-5"]],
      headers: [["Content-Type", "application/json"]],
      body: '{"x":"--json"}',
      bodyIsJson: true,
    });
    expect(JSON.parse(echo)).toMatchObject({ method: "POST", data: '{"x":"--json"}', query: ["limit=-5"] });

    const calls = readRecords(record).map((entry) => entry.argv);
    expect(calls.length).toBeGreaterThanOrEqual(7);
    expect(calls.slice(1).map((argv) => findCommand(parseCliArgs(argv).positionals)?.name)).toEqual([
      "connection list",
      "search",
      "action list",
      "action list",
      "action run",
      "request",
    ]);
  });
});

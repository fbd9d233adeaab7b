/**
 * Row 3, tool call overhead: `run_action` through the server (catalog discovered, connection resolved)
 * against the very CLI command it runs, spawned directly, interleaved call by call. A second check
 * counts CLI runs per tool call with the recording fake CLI: it must be exactly one.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { resultData, startServer, waitForDiscovery } from "./lib/mcp.mjs";
import { median, ms, ROOT, ratio, SANDBOX_BIN, tempDir, timed } from "./lib/util.mjs";

const run = promisify(execFile);
const CONNECTION = "sandbox-customerio";
const ACTION = "list-customers";
const INPUT = { limit: 10 };

async function cliRunsPerCall(calls) {
  const record = join(tempDir("record"), "calls.jsonl");
  const fake = join(ROOT, "test", "fixtures", "bin", "fake-membrane.mjs");
  const server = await startServer({
    args: ["--membrane-cli", fake, "--no-cache"],
    env: { FAKE_MEMBRANE_RECORD: record },
  });
  await waitForDiscovery(server.client);
  const count = () =>
    readFileSync(record, "utf8")
      .split("\n")
      .filter((line) => line.includes('"run"')).length;
  const before = count();
  for (let i = 0; i < calls; i++)
    resultData(
      await server.client.callTool({
        name: "run_action",
        arguments: { action: "list-customers", input: {} },
      }),
    );
  const after = count();
  await server.close();
  return (after - before) / calls;
}

export async function measureCallOverhead({ runs }) {
  const env = { CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("state") };
  const server = await startServer({ args: ["--membrane-cli", SANDBOX_BIN, "--no-cache"], env });
  await waitForDiscovery(server.client);
  const found = resultData(
    await server.client.callTool({
      name: "search_actions",
      arguments: { query: "list customers", limit: 5 },
    }),
  );
  const actionId = found.matches.find((match) => match.key === ACTION)?.id;
  if (!actionId) throw new Error(`search_actions did not find ${ACTION}`);
  const argv = [
    SANDBOX_BIN,
    "action",
    "run",
    actionId,
    `--connectionId=${CONNECTION}`,
    `--input=${JSON.stringify(INPUT)}`,
    "--json",
  ];
  const call = () =>
    server.client.callTool({ name: "run_action", arguments: { action: actionId, input: INPUT } });
  const direct = () => run(process.execPath, argv, { env: { ...process.env, ...env } });
  await call(); // warm: the validator compiles on first use
  await direct();
  const through = [];
  const alone = [];
  for (let i = 0; i < runs; i++) {
    const a = await timed(direct);
    const b = await timed(call);
    resultData(b.result);
    alone.push(a.ms);
    through.push(b.ms);
  }
  await server.close();
  const value = median(through) / median(alone);
  const perCall = await cliRunsPerCall(Math.min(runs, 5));
  return [
    {
      row: "3",
      name: `Tool call: run_action vs the same CLI run directly (median of ${runs})`,
      result: ms(median(through)),
      baseline: `${ms(median(alone))} CLI alone`,
      ratio: ratio(value),
      goal: "<= 1.15x",
      met: value <= 1.15,
    },
    {
      row: "3b",
      name: "CLI runs per tool call (recording fake CLI)",
      result: perCall.toFixed(2),
      baseline: "1 (the action run itself)",
      ratio: ratio(perCall),
      goal: "= 1",
      met: perCall === 1,
    },
  ];
}

/**
 * Row 12, `--sandbox` in process: the same run_action call on a server running the sandbox in its own
 * process (--sandbox, the in-process runner) against a server running the sandbox bin as its CLI (a process
 * per call), both warm, interleaved call by call. Row 12b counts the Node processes started under the
 * --sandbox server for a discovery and 20 calls (a preload script in NODE_OPTIONS writes each pid down).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { resultData, startServer, waitForDiscovery } from "./lib/mcp.mjs";
import { median, ms, ratio, SANDBOX_BIN, tempDir, timed } from "./lib/util.mjs";

const CALL = { name: "run_action", arguments: { action: "list-customers", input: { limit: 10 } } };

async function processesFor20Calls() {
  const dir = tempDir("count");
  const pids = join(dir, "pids");
  const preload = join(dir, "count.cjs");
  writeFileSync(
    preload,
    `require("node:fs").appendFileSync(${JSON.stringify(pids)}, process.pid + "\\n");\n`,
  );
  const server = await startServer({
    args: ["--sandbox", "--no-cache"],
    env: { NODE_OPTIONS: `--require ${preload}` },
  });
  await waitForDiscovery(server.client);
  for (let i = 0; i < 20; i++) resultData(await server.client.callTool(CALL));
  await server.close();
  // The server itself is the one line expected.
  return readFileSync(pids, "utf8").trim().split("\n").length - 1;
}

export async function measureSandboxInProcess({ runs }) {
  const inProcess = await startServer({ args: ["--sandbox", "--no-cache"] });
  const bin = await startServer({
    args: ["--membrane-cli", SANDBOX_BIN, "--no-cache"],
    env: { CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("state") },
  });
  await Promise.all([waitForDiscovery(inProcess.client), waitForDiscovery(bin.client)]);
  resultData(await inProcess.client.callTool(CALL)); // warm: the validator compiles on first use
  resultData(await bin.client.callTool(CALL));
  const ours = [];
  const theirs = [];
  for (let i = 0; i < runs; i++) {
    const a = await timed(() => bin.client.callTool(CALL));
    const b = await timed(() => inProcess.client.callTool(CALL));
    resultData(a.result);
    resultData(b.result);
    theirs.push(a.ms);
    ours.push(b.ms);
  }
  await Promise.all([inProcess.close(), bin.close()]);
  const value = median(ours) / median(theirs);
  const started = await processesFor20Calls();
  return [
    {
      row: "12",
      name: `--sandbox call in process vs the same call through the sandbox bin (median of ${runs})`,
      result: ms(median(ours)),
      baseline: `${ms(median(theirs))} through the bin`,
      ratio: ratio(value),
      goal: "<= 0.2x",
      met: value <= 0.2,
    },
    {
      row: "12b",
      name: "--sandbox: processes started for a discovery and 20 tool calls",
      result: String(started),
      baseline: "0",
      ratio: "-",
      goal: "= 0",
      met: started === 0,
    },
  ];
}

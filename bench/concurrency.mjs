/**
 * Row 5, concurrency: 16 tool calls at once against a CLI that sleeps 200 ms a command (the sandbox bin with
 * CUSTOMERIO_SANDBOX_LATENCY_MS),
 * against the same 16 in a row, and against the ideal under the server's limit of 4 CLI processes at
 * once: the same 16 CLI commands run directly, 4 at a time (on a small machine, 4 Node processes
 * starting together already compete for the CPU, so ceil(16 / 4) x one call would flatter nobody).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { resultData, startServer, waitForDiscovery } from "./lib/mcp.mjs";
import { median, ms, ratio, SANDBOX_BIN, tempDir, timed } from "./lib/util.mjs";

const CALLS = 16;
const LIMIT = 4; // MAX_CONCURRENT_CLI in src/server.ts
const DELAY_MS = 200;
const run = promisify(execFile);

/** Runs `tasks` with at most `limit` under way, like the server's own limiter. */
async function pool(tasks, limit) {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

export async function measureConcurrency({ runs }) {
  const slow = { CUSTOMERIO_SANDBOX_LATENCY_MS: String(DELAY_MS) };
  const server = await startServer({
    args: ["--membrane-cli", SANDBOX_BIN, "--no-cache"],
    env: { ...slow, CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("concurrency-server") },
  });
  await waitForDiscovery(server.client);
  const call = async () =>
    resultData(
      await server.client.callTool({
        name: "run_action",
        arguments: { action: "list-customers", input: {} },
      }),
    );
  await call();
  const argv = [
    SANDBOX_BIN,
    "action",
    "run",
    "list-customers",
    "--connectionId=sandbox-customerio",
    "--input={}",
    "--json",
  ];
  const env = { ...process.env, ...slow, CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("concurrency") };
  const direct = () => run(process.execPath, argv, { env });
  const ideals = [];
  const single = [];
  const sequential = [];
  const parallel = [];
  for (let i = 0; i < runs; i++) {
    single.push((await timed(call)).ms);
    ideals.push(
      (
        await timed(() =>
          pool(
            Array.from({ length: CALLS }, () => direct),
            LIMIT,
          ),
        )
      ).ms,
    );
    sequential.push(
      (
        await timed(async () => {
          for (let n = 0; n < CALLS; n++) await call();
        })
      ).ms,
    );
    parallel.push((await timed(() => Promise.all(Array.from({ length: CALLS }, call)))).ms);
  }
  await server.close();
  const wall = median(parallel);
  const inRow = median(sequential);
  const ideal = median(ideals);
  return [
    {
      row: "5",
      name: `Concurrency: ${CALLS} calls at once, CLI sleeps ${DELAY_MS} ms (median of ${runs})`,
      result: ms(wall),
      baseline: `${ms(inRow)} in a row`,
      ratio: ratio(wall / inRow),
      goal: `report (1/${LIMIT} = ${(1 / LIMIT).toFixed(2)}x at best)`,
      met: undefined,
    },
    {
      row: "5b",
      name: `Concurrency against the limit's ideal (${LIMIT} at once; one call ${ms(median(single))})`,
      result: ms(wall),
      baseline: `${ms(ideal)} same CLI runs, ${LIMIT} at a time`,
      ratio: ratio(wall / ideal),
      goal: "<= 1.15x",
      met: wall / ideal <= 1.15,
    },
  ];
}

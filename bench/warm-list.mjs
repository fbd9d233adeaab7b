/**
 * Row 2, warm tools/list: one run fills the catalog cache (CLI = the sandbox bin), then each measured run
 * starts with the same CLI path made slow (3 s a command) and times spawn -> a tools/list that already
 * holds action tools. Served from the cache, it must not wait for the CLI. Measured for the sandbox
 * catalog and, in a full run, with 1,000 generated actions more.
 */
import { isActionTool, startServer, waitForDiscovery } from "./lib/mcp.mjs";
import { int, median, ms, ratio, SANDBOX_BIN, tempDir } from "./lib/util.mjs";

const CLI_LATENCY_MS = 3000;

async function warmList(extra, runs) {
  const cacheDir = tempDir("cache");
  const env = {
    CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("state"),
    CUSTOMERIO_SANDBOX_EXTRA_ACTIONS: String(extra),
  };
  const args = ["--membrane-cli", SANDBOX_BIN, "--cache-dir", cacheDir];
  const filler = await startServer({ args, env });
  const { actions } = await waitForDiscovery(filler.client);
  await filler.close();

  const times = [];
  let actionTools = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const server = await startServer({
      args,
      env: { ...env, CUSTOMERIO_SANDBOX_LATENCY_MS: String(CLI_LATENCY_MS) },
    });
    const { tools } = await server.client.listTools();
    times.push(performance.now() - started);
    actionTools = tools.filter(isActionTool).length;
    await server.close();
    if (actionTools === 0) throw new Error("the warm tools/list held no action tools");
  }
  const value = median(times);
  return {
    row: extra === 0 ? "2" : "2b",
    name: `Warm tools/list, ${int(actions)} actions cached: spawn -> list with ${actionTools} action tools (median of ${runs})`,
    result: ms(value),
    baseline: `${ms(CLI_LATENCY_MS)} one CLI answer`,
    ratio: ratio(value / CLI_LATENCY_MS),
    goal: "< 1,000 ms, no CLI wait",
    met: value < 1000,
  };
}

export async function measureWarmList({ runs, sizes }) {
  const rows = [];
  for (const extra of sizes) rows.push(await warmList(extra, runs));
  return rows;
}

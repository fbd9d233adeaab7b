/**
 * Row 1, start-up: spawn -> initialize response, customerio-mcp against the minimal SDK server
 * (baseline-server.mjs), interleaved run by run. The server runs the sandbox bin as its CLI (the process
 * path of a real account: nothing of the sandbox is loaded in the server) with a 3 s latency and no cache,
 * so a start-up that waited for the CLI would show it.
 */
import { startServer } from "./lib/mcp.mjs";
import { BASELINE_SERVER, median, ms, ratio, SANDBOX_BIN, tempDir } from "./lib/util.mjs";

export async function measureStartup({ runs }) {
  const ours = [];
  const baseline = [];
  const serverOptions = {
    args: ["--membrane-cli", SANDBOX_BIN, "--no-cache"],
    env: { CUSTOMERIO_SANDBOX_LATENCY_MS: "3000", CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("startup") },
  };
  // One unmeasured start of each first, so neither pays for a cold disk cache.
  for (let i = -1; i < runs; i++) {
    const base = await startServer({ script: BASELINE_SERVER });
    await base.close();
    const server = await startServer(serverOptions);
    await server.close();
    if (i >= 0) {
      baseline.push(base.connectMs);
      ours.push(server.connectMs);
    }
  }
  const value = median(ours) / median(baseline);
  return [
    {
      row: "1",
      name: `Start-up: spawn -> initialize (median of ${runs}; CLI takes 3 s)`,
      result: ms(median(ours)),
      baseline: `${ms(median(baseline))} minimal SDK server`,
      ratio: ratio(value),
      goal: "<= 1.2x",
      met: value <= 1.2,
    },
  ];
}

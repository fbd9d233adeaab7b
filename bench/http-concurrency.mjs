/**
 * Row 9, 16 concurrent HTTP clients against the sandbox: each its own client (its own connection),
 * `calls` run_action calls each, all at once; calls per second and p95 latency. Baseline in the same run:
 * the same calls from 16 concurrent requests of one stdio client (the CLI limit of 4 binds both).
 */
import { httpClient, percentile, startHttpServer } from "./lib/http.mjs";
import { resultData, startServer, waitForDiscovery } from "./lib/mcp.mjs";
import { ms, ratio, SANDBOX_BIN, tempDir, timed } from "./lib/util.mjs";

const CLIENTS = 16;
const ARGS = { action: "list-customers", input: { limit: 5 } };

async function load(callers, calls) {
  const latencies = [];
  const started = performance.now();
  await Promise.all(
    callers.map(async (caller) => {
      for (let i = 0; i < calls; i++) {
        const { ms: took, result } = await timed(() =>
          caller.callTool({ name: "run_action", arguments: ARGS }),
        );
        resultData(result);
        latencies.push(took);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: latencies.length / seconds, p95: percentile(latencies, 0.95) };
}

export async function measureHttpConcurrency({ calls }) {
  const env = { CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("state") };
  const args = ["--membrane-cli", SANDBOX_BIN, "--no-cache"];
  const http = await startHttpServer({ args, env });
  const stdio = await startServer({ args, env });
  const clients = await Promise.all(Array.from({ length: CLIENTS }, () => httpClient(http.url)));
  try {
    await waitForDiscovery(clients[0]);
    await waitForDiscovery(stdio.client);
    const overHttp = await load(clients, calls);
    const overStdio = await load(
      Array.from({ length: CLIENTS }, () => stdio.client),
      calls,
    );
    const value = overHttp.perSecond / overStdio.perSecond;
    return [
      {
        row: "10",
        name: `${CLIENTS} concurrent HTTP clients, ${calls} calls each: calls/s (p95)`,
        result: `${overHttp.perSecond.toFixed(1)}/s (p95 ${ms(overHttp.p95)})`,
        baseline: `${overStdio.perSecond.toFixed(1)}/s (p95 ${ms(overStdio.p95)}) one stdio client`,
        ratio: ratio(value),
        goal: ">= 0.90x",
        met: value >= 0.9,
      },
    ];
  } finally {
    await Promise.all(clients.map((client) => client.close()));
    await stdio.close();
    http.close();
  }
}

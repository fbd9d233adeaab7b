/**
 * Row 8, one call over HTTP against the same call over stdio: `run_action` on the sandbox through two
 * servers started alike (catalog discovered), interleaved call by call; the ratio is HTTP's cost.
 */
import { httpClient, startHttpServer } from "./lib/http.mjs";
import { resultData, startServer, waitForDiscovery } from "./lib/mcp.mjs";
import { median, ms, ratio, SANDBOX_BIN, tempDir, timed } from "./lib/util.mjs";

const ARGS = { action: "list-customers", input: { limit: 10 } };

export async function measureHttpCall({ runs }) {
  const env = { CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("state") };
  const args = ["--membrane-cli", SANDBOX_BIN, "--no-cache"];
  const stdio = await startServer({ args, env });
  const http = await startHttpServer({ args, env });
  const client = await httpClient(http.url);
  try {
    await waitForDiscovery(stdio.client);
    await waitForDiscovery(client);
    const overStdio = [];
    const overHttp = [];
    for (let i = 0; i < runs; i++) {
      const a = await timed(() => stdio.client.callTool({ name: "run_action", arguments: ARGS }));
      const b = await timed(() => client.callTool({ name: "run_action", arguments: ARGS }));
      resultData(a.result);
      resultData(b.result);
      overStdio.push(a.ms);
      overHttp.push(b.ms);
    }
    const value = median(overHttp) / median(overStdio);
    return [
      {
        row: "9",
        name: `One call over HTTP vs the same call over stdio (median of ${runs})`,
        result: ms(median(overHttp)),
        baseline: `${ms(median(overStdio))} over stdio`,
        ratio: ratio(value),
        goal: "<= 1.10x",
        met: value <= 1.1,
      },
    ];
  } finally {
    await client.close();
    await stdio.close();
    http.close();
  }
}

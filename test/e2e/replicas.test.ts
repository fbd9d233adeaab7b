/**
 * Scale-out shown, not claimed: two server processes behind a round-robin proxy with no affinity. A
 * client's consecutive requests land on both replicas and every one succeeds, in both protocol eras.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultJson } from "../helpers/harness.js";
import {
  type HttpServerProcess,
  legacyHttpClient,
  modernHttpClient,
  startHttpServer,
} from "../helpers/http.js";
import { type RoundRobinProxy, startRoundRobin } from "../helpers/round-robin.js";

const TOKEN = "replica-token-0123456789abcdef";

describe("two replicas behind a round-robin proxy", () => {
  let replicas: HttpServerProcess[];
  let proxy: RoundRobinProxy;
  beforeAll(async () => {
    const env = { CUSTOMERIO_MCP_HTTP_TOKEN: TOKEN };
    replicas = await Promise.all([
      startHttpServer(["--sandbox", "--no-cache"], env),
      startHttpServer(["--sandbox", "--no-cache"], env),
    ]);
    proxy = await startRoundRobin(replicas.map((replica) => replica.url));
  });
  afterAll(async () => {
    await proxy?.close();
    await Promise.all(replicas.map((replica) => replica.stop()));
  });

  it.each([
    ["2025-11-25", legacyHttpClient],
    ["2026-07-28", modernHttpClient],
  ])("serve one %s client's consecutive calls from both", async (_era, connect) => {
    const before = [...proxy.counts];
    const client = await connect(proxy.url, TOKEN);
    try {
      const { tools } = await client.listTools();
      expect(tools.length).toBeGreaterThan(4);
      for (let call = 0; call < 4; call++) {
        const result = await client.callTool({
          name: "run_action",
          arguments: { action: "list-customers", input: {} },
        });
        expect((result as { isError?: boolean }).isError).toBeFalsy();
        expect(JSON.stringify(resultJson(result))).toMatch(/@/);
      }
    } finally {
      await client.close();
    }
    const served = proxy.counts.map((count, index) => count - (before[index] ?? 0));
    expect(served.every((count) => count >= 2)).toBe(true);
  });
});

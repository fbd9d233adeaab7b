/**
 * Graceful shutdown over HTTP: on SIGTERM the server stops accepting connections at once, lets a call in
 * flight finish (the fault bin with its `slow` fault: a run answers after CUSTOMERIO_SANDBOX_DELAY_MS), and
 * exits 0.
 */
import { describe, expect, it } from "vitest";
import { FAULTY_SANDBOX_BIN, resultText, tempDir } from "../helpers/harness.js";
import { legacyHttpClient, startHttpServer } from "../helpers/http.js";

const TOKEN = "shutdown-token-0123456789abcdef";

describe("SIGTERM over HTTP", () => {
  it("refuses new connections, finishes the call in flight, and exits 0", async () => {
    const server = await startHttpServer(["--membrane-cli", FAULTY_SANDBOX_BIN, "--no-cache"], {
      CUSTOMERIO_SANDBOX_FAULT: "slow",
      CUSTOMERIO_SANDBOX_STATE_DIR: tempDir(),
      // The in-flight call is still running at the SIGTERM (300 ms after it is sent) with room to spare.
      CUSTOMERIO_SANDBOX_DELAY_MS: "1000",
      CUSTOMERIO_MCP_HTTP_TOKEN: TOKEN,
    });
    const client = await legacyHttpClient(server.url, TOKEN);
    const call = () =>
      client.callTool({ name: "run_action", arguments: { action: "list-customers", input: {} } }, undefined, {
        timeout: 60_000,
      });
    try {
      // search_actions waits for the first discovery and runs nothing slow: the call below is a run only.
      const search = await client.callTool({
        name: "search_actions",
        arguments: { query: "list customers" },
      });
      expect(search.isError, resultText(search)).toBeFalsy();
      const inFlight = call();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const exited = server.stop("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expect(fetch(server.url, { method: "POST" })).rejects.toThrow();
      const result = await inFlight;
      expect(result.isError, resultText(result)).toBeFalsy();
      expect(await exited).toBe(0);
    } finally {
      await client.close().catch(() => {});
      await server.stop();
    }
  }, 60_000);
});

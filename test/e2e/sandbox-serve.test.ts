/**
 * The sandbox's REST face on loopback (`customerio-mcp-sandbox serve --port 0`) and the built server's REST
 * backend in another process talking to it: the process path of `--backend api`, with the served token in
 * MEMBRANE_TOKEN. The face refuses a request without a token it issued.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultJson, resultText, SANDBOX_BIN, startStdio, tempDir } from "../helpers/harness.js";

let served: ChildProcess;
let url = "";
let token = "";

beforeAll(async () => {
  served = spawn(process.execPath, [SANDBOX_BIN, "serve", "--port", "0"], {
    env: { PATH: process.env["PATH"] ?? "", CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("cio-serve-") },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  served.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  for (let waited = 0; !stdout.includes("\n") && waited < 15_000; waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  ({ url, token } = JSON.parse(stdout.split("\n")[0] ?? "") as { url: string; token: string });
});
afterAll(() => {
  served.kill("SIGTERM");
});

describe("customerio-mcp-sandbox serve", () => {
  it("prints a loopback URL and a token, and answers only that token's bearer", async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ok = await fetch(`${url}/connections`, { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { items: unknown[] }).items).toHaveLength(1);
    const refused = await fetch(`${url}/connections`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ key: "not_authenticated" });
  });

  it("serves the built server's REST backend in another process", async () => {
    const harness = await startStdio(["--backend", "api", "--membrane-api-url", url, "--no-cache"], {
      MEMBRANE_TOKEN: token,
    });
    try {
      const run = await harness.client.callTool({
        name: "run_action",
        arguments: { action: "list-segments" },
      });
      expect(run.isError, resultText(run)).toBeFalsy();
      expect(resultText(run)).toContain("Pro plan");
      const status = resultJson<{ backend: Record<string, unknown> }>(
        await harness.client.callTool({ name: "connection_status", arguments: {} }),
      );
      expect(status.backend).toMatchObject({ kind: "api", apiUrl: url });
      expect(String(status.backend["tokenSource"])).toMatch(/MEMBRANE_TOKEN/);
      expect(JSON.stringify(status)).not.toContain(token);
      expect(harness.stderr()).not.toContain(token);
    } finally {
      await harness.close();
    }
  }, 30_000);
});

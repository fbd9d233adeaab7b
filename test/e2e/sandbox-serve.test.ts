/**
 * The sandbox's REST face on loopback (`customerio-mcp-sandbox serve --port 0`) and the built server's REST
 * backend in another process talking to it: the process path of `--backend api`, with the served token in
 * MEMBRANE_TOKEN. The face refuses a request without a token it issued. The fault bin's `serve` puts the
 * REST faults (test/fixtures/faulty-sandbox/rest-faults.ts) in front of the same face on loopback.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FAULTY_SANDBOX_BIN,
  resultJson,
  resultText,
  SANDBOX_BIN,
  startStdio,
  tempDir,
} from "../helpers/harness.js";

interface Served {
  child: ChildProcess;
  url: string;
  token: string;
}

/** Runs `bin serve --port 0` with `env` and reads back its URL and token. */
async function serve(bin: string, env: Record<string, string> = {}): Promise<Served> {
  const child = spawn(process.execPath, [bin, "serve", "--port", "0"], {
    env: { PATH: process.env["PATH"] ?? "", CUSTOMERIO_SANDBOX_STATE_DIR: tempDir("cio-serve-"), ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  for (let waited = 0; !stdout.includes("\n") && waited < 15_000; waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { child, ...(JSON.parse(stdout.split("\n")[0] ?? "") as { url: string; token: string }) };
}

let served: Served;
let url = "";
let token = "";

beforeAll(async () => {
  served = await serve(SANDBOX_BIN);
  ({ url, token } = served);
});
afterAll(() => {
  served.child.kill("SIGTERM");
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

  it("serves the REST faults from the fault bin: rate limited once, then answering", async () => {
    const faulty = await serve(FAULTY_SANDBOX_BIN, {
      CUSTOMERIO_SANDBOX_FAULT: "rate-limit",
      CUSTOMERIO_SANDBOX_FAIL_TIMES: "1",
    });
    try {
      const act = () =>
        fetch(`${faulty.url}/act`, {
          method: "POST",
          headers: { Authorization: `Bearer ${faulty.token}`, "content-type": "application/json" },
          body: JSON.stringify({ id: "list-segments", connectionId: "sandbox-customerio", input: {} }),
        });
      const first = await act();
      expect([first.status, first.headers.get("retry-after")]).toEqual([429, "1"]);
      const second = await act();
      expect(second.status, await second.clone().text()).toBe(200);
      expect(await second.text()).toContain("Pro plan");
    } finally {
      faulty.child.kill("SIGTERM");
    }
  });
});

/**
 * The server in memory (SDK Client, in-memory transport) over the fault bin as a real process, for what only
 * processes show: a hung CLI's whole process tree is stopped at the call's deadline or when the client
 * cancels (through the real ProcessRunner: process groups, SIGTERM then SIGKILL), a helper that left the
 * group and holds stdout open does not hold the call, and output beyond the cap is refused while it streams.
 * The other faults and the deadline's retry rules run in process: test/integration/faults.test.ts and
 * test/integration/deadline.test.ts.
 */
import { readFileSync } from "node:fs";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { isAlive, killAll, pidsIn, waitFor } from "../fixtures/process-probe.js";
import { faultyCli, resultText, startInMemory, tempDir } from "../helpers/harness.js";
import { CONNECTION, proxyCallsAt, proxyOnce } from "../helpers/proxy-calls.js";

/** One proxy_request on a fresh server over the fault bin with `fault` on. */
const runOnce = (fault: string, env: Record<string, string> = {}, timeoutMs?: number) =>
  proxyOnce(faultyCli(fault, env), timeoutMs);

/** The fault bin with `fault` on, hanging only on requests. */
const hangingBin = (fault: string, env: Record<string, string>) =>
  faultyCli(fault, { CUSTOMERIO_SANDBOX_HANG_COMMANDS: "request", ...env });

describe("a misbehaving CLI process", () => {
  it("a hanging CLI is stopped after the timeout, with its whole process tree", async () => {
    const pidFile = `${tempDir()}/pids`;
    const started = Date.now();
    const { result, text, ping } = await runOnce("hang", { CUSTOMERIO_SANDBOX_PID_FILE: pidFile }, 1000);
    expect(result.isError).toBe(true);
    expect(text).toContain("timed out after 1 s");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(ping).toEqual({});
    const pids = readFileSync(pidFile, "utf8").trim().split("\n").map(Number);
    expect(pids).toHaveLength(2);
    await waitFor(() => pids.every((pid) => !isAlive(pid)), 3000);
  });

  it("an output larger than the cap is refused without exhausting memory", async () => {
    const { result, text } = await runOnce("huge", {
      CUSTOMERIO_SANDBOX_HUGE_BYTES: String(40 * 1024 * 1024),
    });
    expect(result.isError).toBe(true);
    expect(text).toMatch(/more than \d+ MB/);
  });

  it("a call cancelled by the client kills the CLI within two seconds", async () => {
    const pidFile = `${tempDir()}/pids`;
    const harness = await startInMemory(
      faultyCli("hang", { CUSTOMERIO_SANDBOX_PID_FILE: pidFile }),
      ["--no-cache", ...CONNECTION],
      { start: false },
    );
    try {
      const controller = new AbortController();
      const call = harness.client.callTool(
        { name: "proxy_request", arguments: { method: "GET", path: "/v1/x" } },
        undefined,
        { signal: controller.signal },
      );
      await waitFor(() => {
        try {
          return readFileSync(pidFile, "utf8").trim().split("\n").length === 2;
        } catch {
          return false;
        }
      }, 5000);
      controller.abort();
      await expect(call).rejects.toThrow();
      const pids = readFileSync(pidFile, "utf8").trim().split("\n").map(Number);
      await waitFor(() => pids.every((pid) => !isAlive(pid)), 2000);
      expect(await harness.client.ping()).toEqual({});
    } finally {
      await harness.close();
    }
  });
});

describe("one deadline per call, over hung processes", () => {
  // The two hangs at once (each its own server, processes and pid folder): most of their time is waiting.
  it.concurrent("answers within timeout + 2 s when a helper that left the process group holds stdout open", async () => {
    const pidDir = tempDir();
    try {
      const cli = hangingBin("hang-detached", { CUSTOMERIO_SANDBOX_PID_DIR: pidDir });
      const { harness, results } = await proxyCallsAt(cli, 1000);
      const [{ result, ms }] = results as [{ result: CallToolResult; ms: number }];
      expect(result.isError).toBe(true);
      expect(resultText(result)).toContain("timed out after 1 s");
      expect(ms).toBeLessThan(1000 + 2000);
      expect(await harness.client.ping()).toEqual({});
      await harness.close();
      const pids = pidsIn(pidDir);
      expect(pids).toHaveLength(2);
      await waitFor(() => pids.every((pid) => !isAlive(pid)), 2000);
    } finally {
      killAll(pidsIn(pidDir));
    }
  }, 15_000);

  it.concurrent("four hanging calls and a fifth waiting for a slot all answer within timeout + 2 s", async () => {
    const pidDir = tempDir();
    try {
      const cli = hangingBin("hang", { CUSTOMERIO_SANDBOX_PID_DIR: pidDir });
      const { harness, results } = await proxyCallsAt(cli, 1000, 5);
      for (const { result, ms } of results) {
        expect(result.isError).toBe(true);
        expect(ms).toBeLessThan(1000 + 2000);
      }
      const texts = results.map(({ result }) => resultText(result));
      expect(texts.filter((text) => text.includes("timed out after 1 s"))).toHaveLength(4);
      expect(texts.filter((text) => /waited 1 s for a free Membrane CLI slot/.test(text))).toHaveLength(1);
      // The slots are free again: a new call runs (and times out) instead of waiting.
      const again = await harness.client.callTool({
        name: "proxy_request",
        arguments: { method: "GET", path: "/v1/again" },
      });
      expect(resultText(again)).toContain("timed out after 1 s");
      await harness.close();
      const pids = pidsIn(pidDir);
      expect(pids).toHaveLength(10);
      await waitFor(() => pids.every((pid) => !isAlive(pid)), 2000);
    } finally {
      killAll(pidsIn(pidDir));
    }
  }, 20_000);
});

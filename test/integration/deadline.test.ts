/**
 * One deadline per call (issue #18): a call answers within its timeout (plus the time to stop a process),
 * whatever it waits on. Hangs run the fault bin (a process tree is what is stopped); the retry cases run the
 * fault equipment in this process. Deadlines are set in milliseconds on the parsed config (startInMemory's
 * `timeoutMs`): the runner, slots, retry and deadline code are the ones production runs with --timeout.
 */
import { join } from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { settingsFromEnv } from "../fixtures/faulty-sandbox/faults.js";
import { isAlive, killAll, pidsIn, waitFor } from "../fixtures/process-probe.js";
import { readCallCount } from "../fixtures/records.js";
import {
  faultyCli,
  faultyRunner,
  resultJson,
  resultText,
  startInMemory,
  tempDir,
} from "../helpers/harness.js";

/** The fault bin with `fault` on (hanging only on requests), or the same faults in this process. */
const hangingBin = (fault: string, env: Record<string, string>) =>
  faultyCli(fault, { CUSTOMERIO_SANDBOX_HANG_COMMANDS: "request", ...env });
const inProcess = (fault: string, env: Record<string, string>) => faultyRunner(fault, settingsFromEnv(env));

/** Starts an in-memory server on `cli` with a `timeoutMs` deadline and makes `count` proxy_request calls at once. */
async function callsAt(
  cli: ReturnType<typeof faultyCli> | ReturnType<typeof faultyRunner>,
  timeoutMs: number,
  count = 1,
) {
  const harness = await startInMemory(cli, ["--no-cache", "--connection-id", "sandbox-customerio"], {
    start: false,
    timeoutMs,
  });
  // The connection is looked up once per server (its own CLI call): done here, so the calls time only theirs.
  // On a busy machine that lookup alone can outlast a 1 s timeout: it is tried again until it succeeds.
  let status: Record<string, unknown> = {};
  for (let attempt = 0; attempt < 10 && status["ok"] !== true; attempt++) {
    status = resultJson(await harness.client.callTool({ name: "connection_status", arguments: {} }));
  }
  expect(status, "the connection lookup never finished in time").toMatchObject({ ok: true });
  const started = Date.now();
  const timed = Array.from({ length: count }, (_, index) =>
    harness.client
      .callTool({ name: "proxy_request", arguments: { method: "GET", path: `/v1/q${index}` } })
      .then((result) => ({ result: result as CallToolResult, ms: Date.now() - started })),
  );
  return { harness, results: await Promise.all(timed) };
}

describe("one deadline per call", () => {
  // The two hangs at once (each its own server, processes and pid folder): most of their time is waiting.
  it.concurrent("answers within timeout + 2 s when a helper that left the process group holds stdout open", async () => {
    const pidDir = tempDir();
    try {
      const cli = hangingBin("hang-detached", { CUSTOMERIO_SANDBOX_PID_DIR: pidDir });
      const { harness, results } = await callsAt(cli, 1000);
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
      const { harness, results } = await callsAt(cli, 1000, 5);
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

  it("a retry gets what is left of the call's time, not a fresh timeout", async () => {
    // The first try is rate limited (Retry-After 1 s, waited on the real clock); the retry would take 10 s.
    // 2.8 s is about the least that leaves a retry its 1.5 s (retry.ts MIN_TRY_MS) after the wait; a fresh
    // timeout would answer after 1 s + 2.8 s, past the bound.
    const state = join(tempDir(), "calls");
    const cli = inProcess("rate-limit,slow", {
      CUSTOMERIO_SANDBOX_CALLS_FILE: state,
      CUSTOMERIO_SANDBOX_FAIL_TIMES: "1",
      CUSTOMERIO_SANDBOX_DELAY_MS: "10000",
    });
    const { harness, results } = await callsAt(cli, 2800);
    await harness.close();
    const [{ result, ms }] = results as [{ result: CallToolResult; ms: number }];
    expect(readCallCount(state)).toBe(2);
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain("timed out after 3 s");
    expect(ms).toBeLessThan(2800 + 900);
  }, 15_000);

  it("does not retry when the wait would leave too little of the call's time", async () => {
    const state = join(tempDir(), "calls");
    const cli = inProcess("rate-limit", {
      CUSTOMERIO_SANDBOX_CALLS_FILE: state,
      CUSTOMERIO_SANDBOX_FAIL_TIMES: "1",
    });
    const { harness, results } = await callsAt(cli, 2000);
    await harness.close();
    const [{ result, ms }] = results as [{ result: CallToolResult; ms: number }];
    expect(readCallCount(state)).toBe(1);
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain("Too Many Requests");
    expect(ms).toBeLessThan(2000);
  }, 15_000);
});

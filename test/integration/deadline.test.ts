/**
 * One deadline per call (issue #18), with retries: a retry gets what is left of the call's time, and none
 * is tried when too little would be left. The fault equipment runs in this process; the hangs (a process
 * tree stopped at the deadline) are test/e2e/cli-process-faults.test.ts. Deadlines are set in milliseconds
 * on the parsed config (startInMemory's `timeoutMs`): the runner, slots, retry and deadline code are the
 * ones production runs with --timeout.
 */
import { join } from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { settingsFromEnv } from "../fixtures/faulty-sandbox/faults.js";
import { readCallCount } from "../fixtures/records.js";
import { faultyRunner, resultText, tempDir } from "../helpers/harness.js";
import { proxyCallsAt } from "../helpers/proxy-calls.js";

/** The faults in this process. */
const inProcess = (fault: string, env: Record<string, string>) => faultyRunner(fault, settingsFromEnv(env));

describe("one deadline per call", () => {
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
    const { harness, results } = await proxyCallsAt(cli, 2800);
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
    const { harness, results } = await proxyCallsAt(cli, 2000);
    await harness.close();
    const [{ result, ms }] = results as [{ result: CallToolResult; ms: number }];
    expect(readCallCount(state)).toBe(1);
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain("Too Many Requests");
    expect(ms).toBeLessThan(2000);
  }, 15_000);
});

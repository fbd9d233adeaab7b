/**
 * Faults of the CLI: each becomes a clear isError result and the server keeps serving. The CLI is the
 * sandbox with a fault switched on (test/fixtures/faulty-sandbox), in this process (faultyRunner): it
 * crashes, prints garbage, fails with 429 or 503, or leaks secrets. What only processes show (a hung tree
 * stopped at the deadline or on cancel, output beyond the cap) is test/e2e/cli-process-faults.test.ts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { settingsFromEnv } from "../fixtures/faulty-sandbox/faults.js";
import { writeScenario } from "../fixtures/scenario.js";
import {
  faultyRunner,
  fixtureCli,
  resultText,
  sandboxRunner,
  startInMemory,
  tempDir,
} from "../helpers/harness.js";
import { CONNECTION, proxyOnce } from "../helpers/proxy-calls.js";

/** The sandbox with `fault` on, in this process. */
const faulty = (fault: string, env: Record<string, string> = {}) => faultyRunner(fault, settingsFromEnv(env));
/** One proxy_request on a fresh server with `fault` on (retry waits on a quick clock). */
const runOnce = (fault: string, env: Record<string, string> = {}) => proxyOnce(faulty(fault, env));

describe("CLI faults", () => {
  it("a crashing CLI gives its own message without a stack trace", async () => {
    const { result, text } = await runOnce("crash");
    expect(result.isError).toBe(true);
    expect(text).toContain("request to Membrane failed");
    expect(text).not.toMatch(/^\s+at /m);
    // The sandbox's crash message carries a bearer token: scrubbed like any secret.
    expect(text).not.toContain("eyJzdWIiOiJzYW5kYm94In0");
  });

  it("garbage on stdout is a short error, and never reaches the client as JSON-RPC", async () => {
    const harness = await startInMemory(faulty("garbage"), ["--no-cache", ...CONNECTION], { start: false });
    try {
      const result = await harness.client.callTool({ name: "run_action", arguments: { action: "x" } });
      expect(result.isError).toBe(true);
      expect(resultText(result)).toMatch(/not JSON/);
    } finally {
      await harness.close();
    }
  });

  it("a JSON error keeps the upstream message, status and actionRunId", async () => {
    // No fault needed: the sandbox fails a run on a missing person as Membrane does (exit 1, JSON error).
    const harness = await startInMemory(sandboxRunner(), ["--no-cache", ...CONNECTION], { start: false });
    try {
      const result = await harness.client.callTool({
        name: "run_action",
        arguments: { action: "get-customer", input: { id: "42" } },
      });
      const text = resultText(result);
      expect(result.isError).toBe(true);
      expect(text).toContain("Request failed with status 404");
      expect(text).toContain("customer 42 not found");
      expect(text).toContain("HTTP status 404");
      const { actionRunId } = result.structuredContent as { actionRunId: string };
      expect(actionRunId).toMatch(/^run_[0-9a-f]+$/);
      expect(text).toContain(actionRunId);
      expect(result.structuredContent).toMatchObject({ status: 404, actionRunId });
    } finally {
      await harness.close();
    }
  });

  it("secrets in the CLI's output never reach the result", async () => {
    const { text } = await runOnce("leaky-error");
    expect(text).toContain("401");
    expect(text).not.toContain("eyJhbGciOiJIUzI1NiJ9");
    expect(text).not.toContain("0123456789abcdef0123456789abcdef");
    expect(text).not.toContain("pat-na1-1234abcd");
  });

  it("a rate limit (429) is retried after Retry-After and then succeeds", async () => {
    const state = `${tempDir()}/calls`;
    const { result, waits } = await runOnce("rate-limit", {
      CUSTOMERIO_SANDBOX_CALLS_FILE: state,
      CUSTOMERIO_SANDBOX_FAIL_TIMES: "2",
    });
    expect(result.isError).toBeFalsy();
    expect(waits).toEqual([1000, 1000]);
    expect(readFileSync(state, "utf8").trim().split("\n")).toHaveLength(3);
  });

  it("a 5xx is retried for GET but not for POST", async () => {
    const getState = `${tempDir()}/calls`;
    expect(
      (
        await runOnce("server-error", {
          CUSTOMERIO_SANDBOX_CALLS_FILE: getState,
          CUSTOMERIO_SANDBOX_FAIL_TIMES: "1",
        })
      ).result.isError,
    ).toBeFalsy();
    const postState = `${tempDir()}/calls`;
    const harness = await startInMemory(
      faulty("server-error", {
        CUSTOMERIO_SANDBOX_CALLS_FILE: postState,
        CUSTOMERIO_SANDBOX_FAIL_TIMES: "1",
      }),
      ["--no-cache", ...CONNECTION],
      { start: false },
    );
    try {
      const post = await harness.client.callTool({
        name: "proxy_request",
        arguments: { method: "POST", path: "/v1/segments", body: { segment: { name: "x" } } },
      });
      expect(post.isError).toBe(true);
      expect(resultText(post)).toContain("503");
      expect(readFileSync(postState, "utf8").trim().split("\n")).toHaveLength(1);
    } finally {
      await harness.close();
    }
  });

  it("counts the timeout from the call, so a call queued behind others cannot outlive it", async () => {
    // Each request takes 600 ms; four run at once, so the fifth could start only after 600 ms and end after
    // 1.2 s: past a 1 s timeout counted from the call, inside one counted from its start. The timeout is set
    // in milliseconds on the parsed config (startInMemory's `timeoutMs`), the deadline code is --timeout's.
    const scenario = writeScenario({ requests: [{ delayMs: 600 }] });
    const harness = await startInMemory(
      fixtureCli("fake-membrane", { FAKE_MEMBRANE_SCENARIO: scenario }),
      ["--no-cache"],
      { start: false, timeoutMs: 1000 },
    );
    try {
      await harness.client.callTool({ name: "connection_status", arguments: {} });
      const calls = Array.from({ length: 5 }, (_, index) =>
        harness.client.callTool({
          name: "proxy_request",
          arguments: { method: "GET", path: `/v1/q${index}` },
        }),
      );
      const results = await Promise.all(calls);
      expect(results.filter((result) => !result.isError)).toHaveLength(4);
      const failed = results.filter((result) => result.isError).map((result) => resultText(result));
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatch(/timed out after 1 s|waited 1 s for a free Membrane CLI slot/);
    } finally {
      await harness.close();
    }
  });
});

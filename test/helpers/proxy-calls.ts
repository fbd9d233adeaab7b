/**
 * The proxy_request calls the fault and deadline tests make, over any CLI (the fault equipment in this
 * process or the fault bin): one call on a fresh in-memory server, or several at once under a deadline
 * after the connection is resolved. The server, runner, retry and deadline code are production's;
 * `timeoutMs` replaces --timeout's whole seconds on the parsed config.
 */
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { expect } from "vitest";
import type { CliCommand, CommandRunner } from "../../src/membrane/cli/cli.js";
import { quickClock } from "./clocks.js";
import { resultJson, resultText, startInMemory } from "./harness.js";

/** The flags naming the sandbox's one connection, so a fault hits the tool call, not the connection lookup. */
export const CONNECTION = ["--connection-id", "sandbox-customerio"];

/** One proxy_request on a fresh server over `cli` (retry waits on a quick clock), then a ping. */
export async function proxyOnce(cli: CliCommand | CommandRunner, timeoutMs?: number) {
  const clock = quickClock();
  const harness = await startInMemory(cli, ["--no-cache", ...CONNECTION], {
    start: false,
    clock,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  try {
    const result = await harness.client.callTool({
      name: "proxy_request",
      arguments: { method: "GET", path: "/v1/segments" },
    });
    const ping = await harness.client.ping();
    return { result, text: resultText(result), ping, waits: clock.sleeps };
  } finally {
    await harness.close();
  }
}

/**
 * Starts an in-memory server on `cli` with a `timeoutMs` deadline and makes `count` proxy_request calls at
 * once, each timed from when they were all sent. The caller closes the returned harness.
 */
export async function proxyCallsAt(cli: CliCommand | CommandRunner, timeoutMs: number, count = 1) {
  const harness = await startInMemory(cli, ["--no-cache", ...CONNECTION], { start: false, timeoutMs });
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

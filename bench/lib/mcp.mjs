/**
 * Drives a stdio MCP server the way a client does (the SDK's Client over StdioClientTransport): start it,
 * time spawn -> initialize, call tools, wait for discovery, and read the server's peak resident memory
 * from /proc (Linux) before closing it. BENCH_STDERR=1 shows the servers' stderr, for debugging.
 */
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { SERVER_BIN, sleep } from "./util.mjs";

/**
 * Spawns `node <script> ...args` and connects; `connectMs` is spawn to the initialize response (the SDK
 * sends `initialize` and resolves connect() on its answer).
 */
export async function startServer({ script = SERVER_BIN, args = [], env = {} } = {}) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [script, ...args],
    env: { ...process.env, ...env },
    stderr: process.env.BENCH_STDERR ? "inherit" : "ignore",
  });
  const client = new Client({ name: "customerio-mcp-bench", version: "0.0.0" });
  const started = performance.now();
  await client.connect(transport);
  const connectMs = performance.now() - started;
  return {
    client,
    connectMs,
    pid: transport.pid,
    close: () => client.close(),
  };
}

/** Peak resident set size (VmHWM) of a live process, in MiB. */
export function peakRssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

/** The JSON of a tool result's structured content (or its first text block). */
export function resultData(result) {
  if (result.isError) throw new Error(`tool failed: ${result.content?.[0]?.text ?? "?"}`);
  return result.structuredContent ?? JSON.parse(result.content[0].text);
}

/** Polls connection_status until the first discovery finished; returns its catalog part. */
export async function waitForDiscovery(client, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = resultData(await client.callTool({ name: "connection_status", arguments: {} }));
    if (status.catalog.source === "discovery" && !status.catalog.discovering) return status.catalog;
    await sleep(250);
  }
  throw new Error("the catalog was not discovered in time");
}

export const isActionTool = (tool) =>
  !["search_actions", "run_action", "proxy_request", "connection_status"].includes(tool.name);

/**
 * The built server over Streamable HTTP for the bench: spawned on a free loopback port with a token from
 * the environment, and 2025-11-25 clients (SDK v1) connected to it with that token.
 */
import { spawn } from "node:child_process";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SERVER_BIN, sleep, tempDir } from "./util.mjs";

const TOKEN = "bench-token-0123456789abcdefgh";

export async function startHttpServer({ args = [], env = {} } = {}) {
  const child = spawn(process.execPath, [SERVER_BIN, "--transport", "http", "--port", "0", ...args], {
    env: { ...process.env, XDG_CONFIG_HOME: tempDir("config"), CUSTOMERIO_MCP_HTTP_TOKEN: TOKEN, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
    if (process.env.BENCH_STDERR) process.stderr.write(chunk);
  });
  for (let waited = 0; waited < 30_000; waited += 25) {
    const url = /listening on (http:\/\/\S+)/.exec(stderr)?.[1];
    if (url) return { url, close: () => child.kill("SIGTERM") };
    if (child.exitCode !== null) break;
    await sleep(25);
  }
  child.kill();
  throw new Error(`the HTTP server did not start: ${stderr}`);
}

export async function httpClient(url) {
  const client = new Client({ name: "customerio-mcp-bench-http", version: "0.0.0" });
  const headers = { Authorization: `Bearer ${TOKEN}` };
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** The value below which `share` of the sorted values fall (nearest rank). */
export function percentile(values, share) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

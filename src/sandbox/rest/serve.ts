/**
 * `customerio-mcp-sandbox serve --port <n> [--host 127.0.0.1]`: the REST face on a loopback HTTP server, for
 * the REST backend in another process (`--backend api --membrane-api-url <url>` with MEMBRANE_TOKEN) and the
 * bench. Prints one JSON line `{"url", "token"}` on stdout once listening; stops on SIGINT/SIGTERM. Serves
 * the sandbox it is given (the bin's, configured from its environment by env.ts: its latency delays every
 * answer, as a network would); `wrap` puts something around the face (the fault bin's faults).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import type { Sandbox } from "../sandbox.js";
import type { FetchHandler } from "./face.js";
import { sandboxApi } from "./in-process.js";
import { mintSandboxToken } from "./token.js";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

async function toRequest(incoming: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const method = incoming.method ?? "GET";
  const body = chunks.length > 0 && method !== "GET" && method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(incoming.url ?? "/", base), { method, headers, body });
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

/** Serves `handler` on host:port; resolves with the URL once listening. */
export function listen(handler: FetchHandler, port: number, host = "127.0.0.1") {
  let base = "";
  const server = createServer((incoming, outgoing) => {
    toRequest(incoming, base)
      .then(handler)
      .then((response) => send(response, outgoing))
      .catch((error: unknown) => {
        outgoing.writeHead(500, { "content-type": "application/json" });
        outgoing.end(JSON.stringify({ type: "internal", message: String(error) }));
      });
  });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      base = `http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`;
      resolve({ url: base, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

export async function serveMain(
  sandbox: Sandbox,
  argv: string[],
  wrap?: (handler: FetchHandler) => FetchHandler,
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: "string" }, host: { type: "string" } },
    strict: true,
  });
  const port = Number(values.port ?? "0");
  const host = values.host ?? "127.0.0.1";
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write("error: --port must be a whole number from 0 to 65535\n");
    return 2;
  }
  if (!LOOPBACK.has(host)) {
    process.stderr.write("error: the sandbox serves on loopback only (--host 127.0.0.1, ::1 or localhost)\n");
    return 2;
  }
  const api = sandboxApi(sandbox, wrap);
  const served = await listen(api.handler, port, host);
  const token = mintSandboxToken(sandbox.tokenSecret(), { ttlSeconds: 24 * 3600 });
  process.stdout.write(`${JSON.stringify({ url: served.url, token })}\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await served.close();
  return 0;
}

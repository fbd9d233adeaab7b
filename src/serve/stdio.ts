/**
 * Serves MCP over stdio to either protocol era from one process: the SDK's serveStdio reads the opening
 * message, pins one instance from our factory to the connection (2025-11-25 `initialize`, or a 2026-07-28
 * request with its `_meta` envelope), and the process exits when the client closes stdin.
 *
 * A message larger than the SDK's read buffer (10 MiB) cannot be read, and the stream cannot be resumed
 * after it: the SDK closes the connection. Before that ends the process, the client gets a JSON-RPC error
 * (id null: the message's id was never read) and stderr says what happened (issue #18).
 */
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import type { ServerLogger } from "../log.js";
import type { BuiltServer } from "../server.js";

const OVERSIZED = /exceeded maximum size of (\d+)/;

function answerOversized(error: Error, log: ServerLogger): void {
  const bytes = Number(OVERSIZED.exec(error.message)?.[1] ?? 0);
  const limit = `${Math.round(bytes / (1024 * 1024))} MiB`;
  const message = `A message from the client was larger than ${limit}, which the server cannot read; the stdio connection ends.`;
  log.error(`${message} Send smaller requests (split large bodies into batches) and restart the server.`);
  const answer = {
    jsonrpc: "2.0",
    id: null,
    error: { code: -32600, message: `${message} Send smaller requests.` },
  };
  process.stdout.write(`${JSON.stringify(answer)}\n`);
  process.exitCode = 1;
}

export function serveOverStdio(built: BuiltServer, log: ServerLogger): void {
  serveStdio(() => built.createInstance({ connection: true, cacheScope: "private" }), {
    legacy: "serve",
    onerror: (error) => {
      if (OVERSIZED.test(error.message)) answerOversized(error, log);
      else log.debug(`stdio: ${error.message}`);
    },
  });
  // The client closing stdin ends the session: stop the CLI's children and leave.
  const leave = () => {
    built.services.membrane.stopAll();
    process.exit();
  };
  process.stdin.on("end", leave);
  process.stdin.on("close", leave);
}

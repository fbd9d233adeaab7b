/**
 * Serves MCP over stdio to either protocol era from one process: the SDK's serveStdio reads the opening
 * message, pins one instance from our factory to the connection (2025-11-25 `initialize`, or a 2026-07-28
 * request with its `_meta` envelope), and the process exits when the client closes stdin.
 */
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import type { ServerLogger } from "../log.js";
import type { BuiltServer } from "../server.js";

export function serveOverStdio(built: BuiltServer, log: ServerLogger): void {
  serveStdio(() => built.createInstance({ connection: true, cacheScope: "private" }), {
    legacy: "serve",
    onerror: (error) => log.debug(`stdio: ${error.message}`),
  });
  // The client closing stdin ends the session: stop the CLI's children and leave.
  const leave = () => {
    built.services.membrane.stopAll();
    process.exit(0);
  };
  process.stdin.on("end", leave);
  process.stdin.on("close", leave);
}

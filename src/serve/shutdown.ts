/**
 * Graceful shutdown of the HTTP server on SIGTERM, SIGINT or SIGHUP: stop accepting, give calls in flight up to
 * GRACE_MS to finish, then cancel the rest (the handler aborts them), stop every CLI child, and exit.
 */
import type { Logger } from "../log.js";
import type { BuiltServer } from "../server.js";
import type { HttpApp } from "./http.js";

const GRACE_MS = 5000;

async function shutDown(app: HttpApp, built: BuiltServer, log: Logger, graceMs = GRACE_MS) {
  app.server.close();
  app.server.closeIdleConnections();
  const deadline = Date.now() + graceMs;
  while (app.inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (app.inFlight() > 0)
    log.warning(`Cancelling ${app.inFlight()} request(s) still running after ${graceMs} ms`);
  await app.mcp.close().catch(() => {});
  built.services.membrane.stopAll();
  app.server.closeAllConnections();
}

/**
 * Shuts down once on the first SIGTERM, SIGINT or SIGHUP, then exits; the exit runs membrane/shutdown.ts's
 * exit tasks (every CLI process tree killed, with any daemonized helper holding its pipes).
 */
export function shutDownOnSignals(app: HttpApp, built: BuiltServer, log: Logger): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    log.info(`${signal}: shutting down`);
    void shutDown(app, built, log).finally(() => process.exit(0));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  process.on("SIGHUP", onSignal);
}

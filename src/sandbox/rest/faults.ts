/**
 * The faults of CUSTOMERIO_SANDBOX_FAULT (faults/faults.ts) as the REST face shows them: not logged in (every
 * route answers 401), rate limited (429 with Retry-After: 1) and server errors (503) on `POST /act` (all
 * of them, or the first CUSTOMERIO_SANDBOX_FAIL_TIMES, counted per face), a 401 whose text echoes
 * credentials (leaky-error), and delays (slow: `POST /act`; slow-pages: `GET /actions`). The connection
 * faults act through sandboxConnections; the process faults (hang, crash...) are a CLI's alone.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { LEAKY_ERROR } from "../faults/command-faults.js";
import type { Fault } from "../faults/faults.js";
import { membraneError, notAuthenticated } from "./answers.js";

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? Number.NaN);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function faultAnswer(
  faults: Set<Fault>,
  route: string,
  counter: { calls: number },
  env: NodeJS.ProcessEnv,
): Response | undefined {
  if (faults.has("not-logged-in")) return notAuthenticated();
  if (route !== "POST /act") return undefined;
  if (faults.has("rate-limit") || faults.has("server-error")) {
    counter.calls++;
    if (counter.calls <= envNumber(env, "CUSTOMERIO_SANDBOX_FAIL_TIMES", Number.POSITIVE_INFINITY)) {
      return faults.has("rate-limit")
        ? membraneError(429, { type: "action_run", message: "Too Many Requests" }, { "retry-after": "1" })
        : membraneError(503, { type: "internal", message: "Service Unavailable" });
    }
  }
  if (faults.has("leaky-error")) return new Response(LEAKY_ERROR, { status: 401 });
  return undefined;
}

export async function faultDelay(faults: Set<Fault>, route: string, env: NodeJS.ProcessEnv): Promise<void> {
  let delay = 0;
  if (faults.has("slow-pages") && route === "GET /actions")
    delay = envNumber(env, "CUSTOMERIO_SANDBOX_PAGE_DELAY_MS", 1000);
  if (faults.has("slow") && route === "POST /act")
    delay = envNumber(env, "CUSTOMERIO_SANDBOX_DELAY_MS", 3000);
  if (delay > 0) await sleep(delay);
}
